package io.newsroom.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.web.server.ServerWebExchange;

/** The request id a client may send, or one made here; the same header goes to the services and back. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    // Anything else (too long, control characters, spaces) is replaced: ids end up in logs and headers downstream.
    private RequestIds() {
    }

    static String acceptOrGenerate(String offered) {
        return offered != null && isAcceptable(offered) ? offered : generate();
    }

    /** Same rule as {@code [A-Za-z0-9._:-]{1,64}}, without a regex matcher per request. */
    static boolean isAcceptable(String offered) {
        int length = offered.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = offered.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: request ids need to be unique, not unguessable, and
     * {@link UUID#randomUUID()} goes through one shared {@code SecureRandom}.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
