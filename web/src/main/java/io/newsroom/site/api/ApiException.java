package io.newsroom.site.api;

/** The gateway answered with an error status; {@code problem} is its RFC 9457 body when it sent one. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Api.Problem problem;

    public ApiException(int status, Api.Problem problem, String what) {
        super(what + " answered " + status + (problem == null || problem.title() == null ? "" : " (" + problem.title() + ")"));
        this.status = status;
        this.problem = problem == null ? new Api.Problem(null, null, null, status, null) : problem;
    }

    public int status() {
        return status;
    }

    public Api.Problem problem() {
        return problem;
    }
}
