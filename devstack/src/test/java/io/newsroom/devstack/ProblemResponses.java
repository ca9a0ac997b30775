package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;

import java.util.Locale;

/** The contract every 4xx/5xx answer keeps: RFC 9457 problem+json (UTF-8, no other charset), status = the status line. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /** What is wrong with this error response, or null when it is a proper problem (or not an error). */
    static String violation(int status, String contentType, String body, String method) {
        if (status < 400) {
            return null;
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
            return null;
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + abbreviate(body, 80);
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
