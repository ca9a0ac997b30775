package io.newsroom.gateway.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.newsroom.gateway.routing.RequestRule;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * In-memory token buckets per (policy, client address). Each gateway replica limits on its own, which is the
 * intended trade-off: no shared store on the request path; the effective limit is the per-replica limit times
 * the replica count.
 */
public class RateLimiter {

    private record Rule(RequestRule rule, RateLimitPolicy policy) {
    }

    private final List<Rule> rules;
    private final RateLimitPolicy fallback;
    private final int maxClients;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitProperties properties, LongSupplier clock) {
        this.rules = properties.policies().stream()
                .map(policy -> new Rule(new RequestRule(policy.methods(), policy.paths()), policy))
                .toList();
        this.fallback = properties.fallback();
        this.maxClients = properties.maxClients();
        this.clock = clock;
    }

    TokenBucket.Decision take(ServerHttpRequest request, String clientAddress) {
        RateLimitPolicy policy = policyFor(request);
        long now = clock.getAsLong();
        if (buckets.size() >= maxClients) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(policy.name() + '|' + clientAddress, key -> new TokenBucket(policy, now))
                .take(now);
    }

    private RateLimitPolicy policyFor(ServerHttpRequest request) {
        return rules.stream().filter(rule -> rule.rule().matches(request)).map(Rule::policy).findFirst()
                .orElse(fallback);
    }
}
