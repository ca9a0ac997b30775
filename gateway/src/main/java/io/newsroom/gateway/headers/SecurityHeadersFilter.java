package io.newsroom.gateway.headers;

import io.newsroom.gateway.switches.ConditionalOnFilterOn;
import io.newsroom.gateway.switches.FilterSwitches;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, the gateway's own errors and proxied answers alike. Written just before
 * commit, so they win over whatever a service sent. HSTS is sent even on plain HTTP because TLS ends at the
 * ingress in front of the gateway; browsers ignore it on http:// anyway.
 */
@Component
@ConditionalOnFilterOn(FilterSwitches.SECURITY_HEADERS)
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class SecurityHeadersFilter implements WebFilter {

    private final SecurityHeadersProperties properties;
    private final String hsts;

    public SecurityHeadersFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
        this.hsts = "max-age=" + properties.hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean docs = isApiReference(path);
        boolean site = isSite(path);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Strict-Transport-Security", hsts);
            // The reader site (route "web") sends the policy its pages need (scripts and styles from itself only);
            // everything else, and a site answer without one, gets the gateway's.
            if (!(site && headers.containsHeader("Content-Security-Policy"))) {
                headers.set("Content-Security-Policy",
                        docs ? properties.docsContentSecurityPolicy() : properties.contentSecurityPolicy());
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", properties.referrerPolicy());
            headers.set("X-Frame-Options", "DENY");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Paths the gateway routes to the web module (see the "web" route): not the API, its documents or Actuator. */
    static boolean isSite(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/openapi") || path.startsWith("/v3/")
                || path.startsWith("/actuator") || isApiReference(path));
    }

    /** The Swagger UI page needs its own scripts and styles; everything else is JSON. */
    private static boolean isApiReference(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }
}
