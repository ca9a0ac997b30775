package io.newsroom.gateway.requestid;

import io.newsroom.gateway.clientaddress.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts the client's {@code X-Request-Id} or makes one, passes it to the service (request header), returns it
 * (response header) and writes one access log line per request carrying it. Runs first, so even a request that
 * is rate-limited or rejected by security has an id in its problem body and in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("io.newsroom.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(RequestIds.HEADER, requestId))
                .build();
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logAccess(exchange, requestId, started));
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        if (!log.isInfoEnabled()) {
            return;
        }
        var status = exchange.getResponse().getStatusCode();
        log.atInfo()
                .addKeyValue("request.id", requestId)
                .addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
                .addKeyValue("url.path", exchange.getRequest().getPath().value())
                .addKeyValue("http.response.status_code", status == null ? 0 : status.value())
                .addKeyValue("client.address", ClientAddresses.of(exchange))
                .addKeyValue("event.duration", System.nanoTime() - started)
                .log("{} {} {} [{}]", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                        status == null ? "-" : status.value(), requestId);
    }
}
