package io.newsroom.comment;

/**
 * Names the OpenAPI annotations of this service's controllers share. service-edge contributes the
 * {@code Problem} schema, the {@code bearer-jwt} scheme, the {@code /api/v1} server and the default 400/401/403/404/429
 * responses; a controller states its own summaries and specific responses with these.
 */
public final class ApiDocumentation {

    /** The security scheme moderator operations require (a JWT with role MODERATOR). */
    public static final String BEARER = "bearer-jwt";

    public static final String PROBLEM_JSON = "application/problem+json";

    /** The RFC 9457 problem schema service-edge registers. */
    public static final String PROBLEM = "#/components/schemas/Problem";

    /** Added to the description of every plain-text field. */
    public static final String PLAIN_TEXT = "Plain text: HTML markup and control characters are refused (400).";

    /**
     * An email address as the service accepts it (on top of {@code @Email}): one {@code @}, a dot in the domain,
     * no spaces or control characters.
     */
    public static final String EMAIL = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

    private ApiDocumentation() {
    }
}
