package io.newsroom.article.web;

import java.io.IOException;

/** The request body is over {@code newsroom.articles.max-request-size} (413). */
class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
