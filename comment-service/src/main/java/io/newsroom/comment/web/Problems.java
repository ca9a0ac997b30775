package io.newsroom.comment.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** RFC 9457 problems with a stable {@code type} per kind of failure, so clients can branch on it. */
public final class Problems {

    private static final String TYPE_BASE = "https://newsroom.example/problems/";

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
