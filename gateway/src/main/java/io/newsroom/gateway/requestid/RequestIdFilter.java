package io.newsroom.gateway.requestid;

import io.newsroom.gateway.clientaddress.ClientAddresses;
import io.newsroom.gateway.switches.FilterSwitches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts the client's {@code X-Request-Id} or makes one, returns it (response header) and writes one access log
 * line per request carrying it; the proxied request gets it from {@code ForwardedRequestHeaders}, the article
 * page's calls from the page itself. Runs first, so even a request that is rate-limited or rejected by security
 * has an id in its problem body and in the log. The request itself is not copied: the id lives on the exchange.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AsyncAccessLog.LOGGER);

    private final boolean ids;
    private final boolean accessLog;

    public RequestIdFilter(Environment environment) {
        this.ids = FilterSwitches.isOn(environment, FilterSwitches.REQUEST_ID);
        this.accessLog = FilterSwitches.isOn(environment, FilterSwitches.ACCESS_LOG);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = null;
        if (ids) {
            requestId = RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
            exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        }
        if (!accessLog || !log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        String id = requestId;
        return chain.filter(exchange).doFinally(signal -> logAccess(exchange, id, started));
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        var status = exchange.getResponse().getStatusCode();
        String path = exchange.getRequest().getPath().value();
        String method = exchange.getRequest().getMethod().name();
        log.atInfo()
                .addKeyValue("request.id", requestId)
                .addKeyValue("http.request.method", method)
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status == null ? 0 : status.value())
                .addKeyValue("client.address", ClientAddresses.of(exchange))
                .addKeyValue("event.duration", System.nanoTime() - started)
                .log("{} {} {} [{}]", method, path, status == null ? "-" : status.value(), requestId);
    }
}
