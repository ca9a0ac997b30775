package io.newsroom.gateway.forwarding;

import io.newsroom.gateway.requestid.RequestIds;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's forwarded headers on every proxied request (SCG's own X-Forwarded/Forwarded filters are
 * off). Runs after SCG's header filters, so nothing downstream of it adds or strips forwarded headers. The
 * request id ({@code X-Request-Id}, see {@code RequestIdFilter}) is set here too, on the copy this filter makes anyway. The
 * prefix comes from the route's {@code forwarded-prefix} metadata ({@code /api/v1} on the API routes).
 */
@Component
public class ForwardedRequestHeaders implements HttpHeadersFilter, Ordered {

    public static final String PREFIX_METADATA = "forwarded-prefix";

    private final ForwardedHeaders forwarded;

    public ForwardedRequestHeaders(ForwardedHeaders forwarded) {
        this.forwarded = forwarded;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        ForwardedHeaders.write(headers, forwarded.of(exchange), prefix(exchange));
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId); // the accepted or generated id, never the client's raw one
        }
        return headers;
    }

    private static String prefix(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object prefix = route == null ? null : route.getMetadata().get(PREFIX_METADATA);
        return prefix == null ? null : prefix.toString();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
