package io.newsroom.article.reading;

/** The article was published once and has been taken down (410). */
public class ArticleGoneException extends RuntimeException {

    ArticleGoneException(String slug) {
        super("The article '" + slug + "' has been unpublished");
    }
}
