package io.newsroom.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/** The request id a client may send, or one made here; the same header goes to the services and back. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    // Anything else (too long, control characters, spaces) is replaced: ids end up in logs and headers downstream.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static String acceptOrGenerate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
