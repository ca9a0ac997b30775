package io.newsroom.gateway.ratelimit;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.newsroom.gateway.clientaddress.ClientAddresses;
import io.newsroom.gateway.errors.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Applies the rate limit before security, so floods of bad tokens are limited too. Every answer carries the
 * RateLimit-Limit / -Remaining / -Reset headers (IETF httpapi draft) and a RateLimit-Policy naming the window;
 * a refused request gets 429 problem+json with Retry-After. Redis unreachable: the request passes (fail open),
 * without -Remaining/-Reset, counted in {@code newsroom.gateway.rate_limit.store_failures} and logged at most every
 * 30 s.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** After the request id and client address filters, before Spring Security (-100). */
    public static final int ORDER = -200;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long LOG_EVERY = TimeUnit.SECONDS.toNanos(30);

    private final RateLimiter limiter;
    private final ProblemResponses problems;
    private final Counter storeFailures;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY);

    public RateLimitFilter(RateLimiter limiter, ProblemResponses problems, Counter storeFailures) {
        this.limiter = limiter;
        this.problems = problems;
        this.storeFailures = storeFailures;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CompletionStage<RateLimiter.Decision> decision = limiter.take(exchange.getRequest(),
                ClientAddresses.of(exchange));
        Executor home = connectionLoop(exchange);
        if (home != null) {
            // Redis answers on Lettuce's event loop; without this hop the whole rest of the chain, the call to the
            // service included, would run there, away from the client connection's loop and its pooled connections.
            decision = decision.thenApplyAsync(Function.identity(), home);
        }
        return Mono.fromCompletionStage(decision).flatMap(d -> apply(d, exchange, chain));
    }

    private static Executor connectionLoop(ServerWebExchange exchange) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : null;
    }

    private Mono<Void> apply(RateLimiter.Decision decision, ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        RateLimitPolicy policy = decision.policy();
        RedisPolicy redis = decision.redisPolicy();
        headers.set("RateLimit-Limit", redis.limitHeader());
        headers.set("RateLimit-Policy", redis.policyHeader());
        if (decision.storeFailed()) {
            storeFailed();
            return chain.filter(exchange);
        }
        headers.set("RateLimit-Remaining", Integer.toString(redis.remaining(decision.tokensLeft())));
        headers.set("RateLimit-Reset", Long.toString(redis.secondsToFull(decision.tokensLeft())));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        long retryAfter = redis.secondsToNext(decision.tokensLeft());
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit '%s' exceeded for this client; retry in %d s.".formatted(policy.name(), retryAfter));
    }

    private void storeFailed() {
        storeFailures.increment();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY && lastLogged.compareAndSet(last, now)) {
            log.warn("Rate-limit store (Redis) unreachable: requests pass unlimited until it is back "
                    + "({} so far, metric newsroom.gateway.rate_limit.store_failures)", (long) storeFailures.count());
        }
    }
}
