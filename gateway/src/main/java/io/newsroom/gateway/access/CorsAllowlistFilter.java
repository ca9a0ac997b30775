package io.newsroom.gateway.access;

import io.newsroom.gateway.errors.ProblemResponses;
import io.newsroom.gateway.switches.ConditionalOnFilterOn;
import io.newsroom.gateway.switches.FilterSwitches;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring's {@code CorsWebFilter}, except that a refused cross-origin request gets a 403 problem+json instead of an
 * empty body. Runs before the security chain (order -100), so a preflight never needs a token.
 */
@Component
@ConditionalOnFilterOn(FilterSwitches.CORS)
@Order(CorsAllowlistFilter.ORDER)
class CorsAllowlistFilter implements WebFilter {

    static final int ORDER = -150;

    private final CorsConfigurationSource allowlist;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    CorsAllowlistFilter(CorsConfigurationSource allowlist, ProblemResponses problems) {
        this.allowlist = allowlist;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = allowlist.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, reason(configuration, exchange.getRequest()));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty(); // answered here with the Access-Control-* headers the processor set
        }
        return chain.filter(exchange);
    }

    private static String reason(CorsConfiguration configuration, ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        if (configuration == null || configuration.checkOrigin(origin) == null) {
            return "Origin %s may not call this API from a browser.".formatted(origin);
        }
        return "This cross-origin request asks for a method or headers the API does not allow.";
    }
}
