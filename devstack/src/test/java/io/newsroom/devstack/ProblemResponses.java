package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;

import java.util.Locale;

/** The contract every 4xx/5xx answer keeps: RFC 9457 problem+json (UTF-8, no other charset), status = the status line. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /** What is wrong with this error response, or null when it is a proper problem (or not an error). */
    static String violation(int status, String contentType, String body, String method) {
        return violation(status, contentType, body, method, null);
    }

    /**
     * @param rawPath the path the client sent (percent-encoded as sent), or null not to check {@code instance};
     *                {@code instance}, when present, must be that path (raw or decoded), not a service's own path
     */
    static String violation(int status, String contentType, String body, String method, String rawPath) {
        if (status < 400) {
            return null;
        }
        if (contentType == null && (body == null || body.isEmpty())) {
            return "empty body, no Content-Type (not a problem)";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!type.startsWith("application/problem+json")) {
            return "Content-Type is '" + contentType + "', not application/problem+json";
        }
        if (type.contains("charset=") && !type.contains("charset=utf-8")) {
            return "Content-Type '" + contentType + "' has a charset other than UTF-8";
        }
        if (method.equals("HEAD")) {
            return null; // no body to read
        }
        try {
            JsonNode problem = PlatformClient.JSON.readTree(body);
            if (!problem.isObject()) {
                return "problem body is not a JSON object";
            }
            if (problem.path("status").asInt(-1) != status) {
                return "problem status " + problem.path("status") + " differs from the response status";
            }
            if (rawPath != null && problem.hasNonNull("instance")) {
                String instance = problem.get("instance").asString("");
                if (!instance.equals(rawPath) && !instance.equals(decoded(rawPath))) {
                    return "problem instance '" + abbreviate(instance, 80) + "' is not the path the client sent";
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + abbreviate(body, 80);
        }
    }

    private static String decoded(String rawPath) {
        try {
            return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
