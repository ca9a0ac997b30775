package io.newsroom.infra.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a test got back: status, headers (names case-insensitive, as in HTTP) and the body as UTF-8 text.
 *
 * @param headers every header's values, by case-insensitive name
 */
public record HttpTestResponse(int status, Map<String, List<String>> headers, String body) {

    /** The media type every error is (RFC 9457), without a charset parameter. */
    public static final String PROBLEM_JSON = "application/problem+json";

    public HttpTestResponse {
        var byName = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(byName);
        body = body == null ? "" : body;
    }

    /** The first value of the header, or {@code null} if it was not sent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of the header, empty if it was not sent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** {@code Content-Type}, or {@code null}. */
    public String contentType() {
        return header("Content-Type");
    }

    /** The body as JSON; a missing node for an empty body (a HEAD, a 204, a 304). */
    public JsonNode json() {
        return body.isBlank() ? MissingNode.getInstance() : HttpTestClient.JSON.readTree(body);
    }

    /** Whether this is exactly {@code application/problem+json} (no charset). */
    public boolean isProblem() {
        return PROBLEM_JSON.equals(contentType());
    }

    /** The problem document; an {@link AssertionError} if this is not exactly {@code application/problem+json}. */
    public JsonNode problem() {
        if (!isProblem()) {
            throw new AssertionError("expected " + PROBLEM_JSON + " but got " + contentType() + ": " + this);
        }
        return json();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
