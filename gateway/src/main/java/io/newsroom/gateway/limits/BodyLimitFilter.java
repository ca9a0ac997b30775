package io.newsroom.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.newsroom.gateway.errors.ProblemResponses;
import io.newsroom.gateway.routing.RequestRule;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses oversized bodies with 413 before they reach a service: at once from Content-Length, and while
 * streaming for chunked bodies (which declare no length). Comment bodies have their own, smaller limit.
 */
@Component
@Order(BodyLimitFilter.ORDER)
public class BodyLimitFilter implements WebFilter {

    static final int ORDER = -190;

    private record Limit(String name, RequestRule rule, long maxBytes) {
    }

    private final List<Limit> limits;
    private final Limit fallback;
    private final ProblemResponses problems;

    public BodyLimitFilter(BodyLimitProperties properties, ProblemResponses problems) {
        this.limits = properties.rules().stream()
                .map(rule -> new Limit(rule.name(), new RequestRule(rule.methods(), rule.paths()), rule.max().toBytes()))
                .toList();
        this.fallback = new Limit("request body", null, properties.maxBody().toBytes());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared < 0 && !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // HTTP/1.1: neither length nor chunked means no body at all
        }
        Limit limit = fallback;
        for (Limit candidate : limits) {
            if (candidate.rule().matches(request)) {
                limit = candidate;
                break;
            }
        }
        if (declared > limit.maxBytes()) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "Request body of %d bytes exceeds the %s limit of %d bytes."
                            .formatted(declared, limit.name(), limit.maxBytes()));
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server enforces the declared length itself
        }
        return chain.filter(exchange.mutate().request(counting(request, limit)).build());
    }

    private static ServerHttpRequest counting(ServerHttpRequest request, Limit limit) {
        AtomicLong seen = new AtomicLong();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit.maxBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLarge(limit.name(), limit.maxBytes()));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }
}
