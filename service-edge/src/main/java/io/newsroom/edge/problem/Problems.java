package io.newsroom.edge.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;

/**
 * Problem documents with a stable {@code type} per kind of failure, so clients branch on the type, not on
 * the wording. A service throws {@link #of} (or subclasses {@link ErrorResponseException} with
 * {@link #detail}); the shared handler renders it, so no service needs its own advice.
 */
public final class Problems {

    /** Where problem types live: {@code https://newsroom.example/problems/<kind>}. */
    public static final String TYPE_BASE = "https://newsroom.example/problems/";

    public static final String INVALID_REQUEST = "invalid-request";

    private Problems() {
    }

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    /** A problem body of the given kind. */
    public static ProblemDetail detail(HttpStatusCode status, String kind, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    /** A service's own problem, e.g. {@code Problems.of(UNPROCESSABLE_CONTENT, "comment-refused", "Comment refused", why)}. */
    public static ErrorResponseException of(HttpStatusCode status, String kind, String title, @Nullable String detail) {
        return new ErrorResponseException(status, detail(status, kind, title, detail), null);
    }

    /** 400 {@code invalid-request} with {@code errors: [{field, message}]}. */
    public static ProblemDetail invalidRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /** Input that passed bean validation but is still wrong: 400 naming the field. */
    public static ErrorResponseException invalidField(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                invalidRequest("The request has an invalid field.", List.of(new FieldProblem(field, message))), null);
    }
}
