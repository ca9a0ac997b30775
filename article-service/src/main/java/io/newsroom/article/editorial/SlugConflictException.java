package io.newsroom.article.editorial;

/** The slug asked for belongs to another article, now or in the past (409). */
public class SlugConflictException extends RuntimeException {

    SlugConflictException(String slug) {
        super("The slug '" + slug + "' is taken by another article");
    }
}
