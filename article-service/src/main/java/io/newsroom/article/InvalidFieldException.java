package io.newsroom.article;

/** Input that passed bean validation but is still wrong, e.g. a Must Read pick of an unpublished article (400). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
