package io.newsroom.gateway.clientaddress;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves the client address once per request, and drops forwarding headers that did not come from a trusted
 * proxy, so the services downstream never see a client's forged {@code X-Forwarded-For} either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientAddresses implements WebFilter {

    private static final String ATTRIBUTE = ClientAddresses.class.getName();

    private final ClientAddressResolver resolver;

    public ClientAddresses(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    public static String of(ServerWebExchange exchange) {
        String address = exchange.getAttribute(ATTRIBUTE);
        return address == null ? "unknown" : address;
    }

    private static boolean hasForwardingHeaders(HttpHeaders headers) {
        return headers.containsHeader(ClientAddressResolver.FORWARDED_FOR) || headers.containsHeader("Forwarded")
                || headers.containsHeader("X-Forwarded-Host") || headers.containsHeader("X-Forwarded-Proto")
                || headers.containsHeader("X-Forwarded-Port") || headers.containsHeader("X-Real-IP");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        exchange.getAttributes().put(ATTRIBUTE, resolver.resolve(request));
        if (!hasForwardingHeaders(request.getHeaders()) || resolver.isTrustedProxy(resolver.peer(request))) {
            return chain.filter(exchange); // nothing to drop: no copy of the request
        }
        ServerHttpRequest cleaned = request.mutate().headers(headers -> {
            headers.remove(ClientAddressResolver.FORWARDED_FOR);
            headers.remove("Forwarded");
            headers.remove("X-Forwarded-Host");
            headers.remove("X-Forwarded-Proto");
            headers.remove("X-Forwarded-Port");
            headers.remove("X-Real-IP");
        }).build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }
}
