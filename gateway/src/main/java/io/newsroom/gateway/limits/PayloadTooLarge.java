package io.newsroom.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body (possibly chunked, so without Content-Length) went over its limit while streaming. */
public class PayloadTooLarge extends ResponseStatusException {

    public PayloadTooLarge(String limitName, long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Request body exceeds the %s limit of %d bytes.".formatted(limitName, maxBytes));
    }
}
