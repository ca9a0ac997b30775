package io.newsroom.search.indexing;

/** An event that can never be indexed as it is (broken JSON, missing header, rejected by the mapping). */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}
