package io.newsroom.gateway.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The contract's problem types: {@code https://newsroom.example/problems/<kind>}, one kind per status here. */
public final class ProblemTypes {

    public static final String BASE = "https://newsroom.example/problems/";
    public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");

    private ProblemTypes() {
    }

    public static URI forStatus(int status) {
        return URI.create(BASE + kind(status));
    }

    public static String kind(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 412 -> "stale-version";
            case 413 -> "content-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal-error" : "invalid-request";
        };
    }

    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
