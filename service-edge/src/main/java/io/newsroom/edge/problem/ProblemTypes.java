package io.newsroom.edge.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * Fills what a framework problem leaves generic: a newsroom {@code type} and title for its status, and the
 * {@code instance} (the path as the client sent it, gateway prefix included).
 */
final class ProblemTypes {

    private static final URI BLANK = URI.create("about:blank");

    private ProblemTypes() {
    }

    static ProblemDetail complete(ProblemDetail problem, String instance) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            problem.setType(Problems.type(kind(problem.getStatus())));
            problem.setTitle(title(problem.getStatus()));
        }
        if (problem.getTitle() == null) {
            problem.setTitle(title(problem.getStatus()));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    static String kind(int status) {
        return switch (status) {
            case 400 -> Problems.INVALID_REQUEST;
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 412 -> "precondition-failed";
            case 413 -> "content-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "Error " + status : known.getReasonPhrase();
            }
        };
    }
}
