package io.newsroom.gateway.limits;

import java.util.List;
import java.util.Map;

import io.newsroom.gateway.errors.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses oversized request headers with 431 problem+json. Netty answers 431 too, but with an empty body, so its
 * limit is set above this one ({@code server.max-http-request-header-size}) and only a head too big even for
 * that gets the bare answer. Runs before rate limiting and security, so a huge token is never parsed.
 */
@Component
@Order(HeaderLimitFilter.ORDER)
public class HeaderLimitFilter implements WebFilter {

    static final int ORDER = -210;

    /** ": " between name and value, CRLF after the value, as on the wire. */
    private static final int SEPARATOR_BYTES = 4;

    private final long maxBytes;
    private final ProblemResponses problems;

    public HeaderLimitFilter(HeaderLimitProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.maxSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long size = sizeOf(exchange.getRequest().getHeaders());
        if (size > maxBytes) {
            return problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "Request headers of %d bytes exceed the limit of %d bytes.".formatted(size, maxBytes));
        }
        return chain.filter(exchange);
    }

    /** Header values arrive as ISO-8859-1 octets, so a char is a byte. */
    static long sizeOf(HttpHeaders headers) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + SEPARATOR_BYTES;
            }
        }
        return size;
    }
}
