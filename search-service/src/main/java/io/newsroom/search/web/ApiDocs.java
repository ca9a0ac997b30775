package io.newsroom.search.web;

/** Names the OpenAPI annotations of this service's controllers share (the schemes and schemas come from service-edge). */
final class ApiDocs {

    static final String PROBLEM_JSON = "application/problem+json";
    /** The RFC 9457 problem schema service-edge adds to every document. */
    static final String PROBLEM = "#/components/schemas/Problem";
    /** The HTTP bearer (JWT) scheme service-edge declares. */
    static final String BEARER_JWT = "bearer-jwt";

    static final String BAD_INPUT = "A parameter is invalid: problem `invalid-request` naming each field in `errors`";
    static final String BUSY = "Too many searches at once: problem with `Retry-After: 1`";

    private ApiDocs() {
    }
}
