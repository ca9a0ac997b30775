package io.newsroom.article.web;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import java.io.IOException;

/**
 * The request body is over {@code newsroom.articles.max-request-size} (413). An IOException because it is
 * thrown while the body is read; an ErrorResponse so the shared handler answers it as a problem.
 */
class RequestTooLargeException extends IOException implements ErrorResponse {

    private final ProblemDetail body;

    RequestTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.body = problem(limit);
    }

    static ProblemDetail problem(long limit) {
        return Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                "The request body is larger than " + limit + " bytes.");
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.CONTENT_TOO_LARGE;
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }
}
