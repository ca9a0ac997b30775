package io.newsroom.gateway.forwarding;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.newsroom.gateway.clientaddress.ClientAddressResolver;
import io.newsroom.gateway.clientaddress.ClientAddresses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The forwarded headers the gateway sends to services, worked out once per request. Proto, host and port are
 * the client's: those a trusted proxy in front of the gateway ({@code newsroom.gateway.trusted-proxies}) reported
 * in {@code X-Forwarded-Proto/-Host/-Port}, otherwise the gateway request's own. Whatever forwarded headers the
 * client sent never reach a service: {@link #write} removes them all before writing the gateway's.
 */
@Component
public class ForwardedHeaders {

    public static final String FORWARDED = "Forwarded";
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    public static final String X_FORWARDED_PORT = "X-Forwarded-Port";
    public static final String X_FORWARDED_PREFIX = "X-Forwarded-Prefix";

    /** The public API's prefix: services see paths without it and build URLs with it. */
    public static final String API_PREFIX = "/api/v1";

    private static final String ATTRIBUTE = ForwardedHeaders.class.getName();
    private static final String X_FORWARDED_LOWER = "x-forwarded-";

    private final ClientAddressResolver resolver;

    public ForwardedHeaders(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    /** The client's view of this request (computed once, kept on the exchange). */
    public Forwarding of(ServerWebExchange exchange) {
        Forwarding known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        Forwarding forwarding = compute(exchange.getRequest(), ClientAddresses.of(exchange));
        exchange.getAttributes().put(ATTRIBUTE, forwarding);
        return forwarding;
    }

    Forwarding compute(ServerHttpRequest request, String clientAddress) {
        HttpHeaders headers = request.getHeaders();
        boolean fromTrustedProxy = resolver.isTrustedProxy(resolver.peer(request));
        URI uri = request.getURI();

        String proto = fromTrustedProxy ? scheme(firstElement(headers.getFirst(X_FORWARDED_PROTO))) : null;
        if (proto == null) {
            proto = "https".equalsIgnoreCase(uri.getScheme()) ? "https" : "http";
        }
        String host = fromTrustedProxy ? validHost(firstElement(headers.getFirst(X_FORWARDED_HOST))) : null;
        if (host == null) {
            host = validHost(headers.getFirst(HttpHeaders.HOST));
        }
        if (host == null) {
            host = uri.getHost() == null ? "localhost" : uri.getRawAuthority();
        }
        int port = fromTrustedProxy ? port(firstElement(headers.getFirst(X_FORWARDED_PORT))) : -1;
        if (port < 0) {
            port = portOf(host);
        }
        if (port < 0) {
            port = "https".equals(proto) ? 443 : 80;
        }
        return new Forwarding(clientAddress, proto, host, port);
    }

    /**
     * Removes every forwarded header in {@code headers} (the client's, or an ingress's) and writes the gateway's:
     * exactly one address in X-Forwarded-For, and X-Forwarded-Prefix when {@code prefix} is given.
     */
    public static void write(HttpHeaders headers, Forwarding forwarding, String prefix) {
        removeForwarded(headers);
        headers.set(X_FORWARDED_FOR, forwarding.clientAddress());
        headers.set(X_FORWARDED_PROTO, forwarding.proto());
        headers.set(X_FORWARDED_HOST, forwarding.host());
        headers.set(X_FORWARDED_PORT, Integer.toString(forwarding.port()));
        if (prefix != null) {
            headers.set(X_FORWARDED_PREFIX, prefix);
        }
    }

    static void removeForwarded(HttpHeaders headers) {
        headers.remove(FORWARDED);
        headers.remove("X-Real-IP");
        List<String> names = null;
        for (String name : headers.headerNames()) {
            if (name.regionMatches(true, 0, X_FORWARDED_LOWER, 0, X_FORWARDED_LOWER.length())) {
                if (names == null) {
                    names = new java.util.ArrayList<>(4);
                }
                names.add(name);
            }
        }
        if (names != null) {
            names.forEach(headers::remove);
        }
    }

    private static String firstElement(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).trim();
        return first.isEmpty() ? null : first;
    }

    private static String scheme(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https") ? lower : null;
    }

    /**
     * host[:port] with a DNS name, IPv4 or bracketed IPv6 literal; anything else (spaces, slashes, @, quotes)
     * is not used, because services build absolute URLs from it.
     */
    static String validHost(String value) {
        if (value == null || value.isEmpty() || value.length() > 255) {
            return null;
        }
        int i = 0;
        int length = value.length();
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 2) {
                return null;
            }
            for (int j = 1; j < close; j++) {
                char c = value.charAt(j);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return null;
                }
            }
            i = close + 1;
        } else {
            while (i < length && value.charAt(i) != ':') {
                char c = value.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '.')) {
                    return null;
                }
                i++;
            }
            if (i == 0) {
                return null;
            }
        }
        if (i == length) {
            return value;
        }
        if (value.charAt(i) != ':') {
            return null;
        }
        return port(value.substring(i + 1)) >= 0 ? value : null;
    }

    private static int portOf(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.indexOf(']', colon) >= 0) {
            return -1;
        }
        return port(host.substring(colon + 1));
    }

    private static int port(String value) {
        if (value == null || value.isEmpty() || value.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }
}
