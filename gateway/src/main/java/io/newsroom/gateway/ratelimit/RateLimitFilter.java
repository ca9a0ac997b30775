package io.newsroom.gateway.ratelimit;

import java.util.concurrent.TimeUnit;

import io.newsroom.gateway.clientaddress.ClientAddresses;
import io.newsroom.gateway.errors.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limit before security, so floods of bad tokens are limited too. Every answer carries the
 * RateLimit-Limit / -Remaining / -Reset headers (IETF httpapi draft) and a RateLimit-Policy naming the window;
 * a refused request gets 429 with Retry-After.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** After the request id and client address filters, before Spring Security (-100). */
    public static final int ORDER = -200;

    private final RateLimiter limiter;
    private final ProblemResponses problems;

    public RateLimitFilter(RateLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TokenBucket.Decision decision = limiter.take(exchange.getRequest(), ClientAddresses.of(exchange));
        HttpHeaders headers = exchange.getResponse().getHeaders();
        RateLimitPolicy policy = decision.policy();
        headers.set("RateLimit-Limit", Integer.toString(policy.capacity()));
        headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(seconds(decision.remainingNanosToFull())));
        headers.set("RateLimit-Policy", "%d;w=%d;name=\"%s\"".formatted(policy.capacity(),
                Math.max(1, policy.period().toSeconds()), policy.name()));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, seconds(decision.retryAfterNanos()));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit '%s' exceeded for this client; retry in %d s.".formatted(policy.name(), retryAfter));
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
