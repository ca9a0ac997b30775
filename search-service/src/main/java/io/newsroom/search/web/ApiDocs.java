package io.newsroom.search.web;

/** The response descriptions this service's operations share; the common names are service-edge's {@code ApiDocs}. */
final class ApiDocs {

    static final String PROBLEM_JSON = io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;
    static final String PROBLEM = io.newsroom.edge.openapi.ApiDocs.PROBLEM;
    static final String BEARER_JWT = io.newsroom.edge.openapi.ApiDocs.BEARER;

    static final String BAD_INPUT = "A parameter is invalid: problem `invalid-request` naming each field in `errors`";
    static final String BUSY = "Too many searches at once: problem with `Retry-After: 1`";

    private ApiDocs() {
    }
}
