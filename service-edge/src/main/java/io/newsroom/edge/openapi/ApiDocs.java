package io.newsroom.edge.openapi;

/**
 * Names the services' OpenAPI annotations share. This module contributes what they refer to: the
 * {@code Problem} schema, the {@code bearer-jwt} scheme, the {@code /api/v1} server and the default problem responses.
 */
public final class ApiDocs {

    /** The HTTP bearer (JWT) scheme every protected operation requires. */
    public static final String BEARER = OpenApiAutoConfiguration.BEARER;

    public static final String PROBLEM_JSON = "application/problem+json";

    /** The RFC 9457 problem schema this module registers in every document. */
    public static final String PROBLEM = "#/components/schemas/Problem";

    /** Added to the description of every plain-text field. */
    public static final String PLAIN_TEXT = "Plain text: HTML markup and control characters are refused (400).";

    private ApiDocs() {
    }
}
