package io.newsroom.article.editorial;

import java.util.UUID;

/** No article with that id (404). */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(UUID id) {
        super("No article " + id);
    }

    public ArticleNotFoundException(String message) {
        super(message);
    }
}
