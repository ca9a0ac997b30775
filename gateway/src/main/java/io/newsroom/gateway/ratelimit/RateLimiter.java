package io.newsroom.gateway.ratelimit;

import java.util.List;

import io.newsroom.gateway.routing.RequestRule;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * Rate limits shared by every gateway replica: one token bucket per (policy, client address) in Redis, kept by
 * Spring Cloud Gateway's {@link RedisRateLimiter} (one Lua script, atomic, Redis's clock). The first policy whose
 * methods and paths match applies, else the fallback. When Redis cannot be reached the request is allowed
 * ({@link Decision#storeFailed()}): reads must not fail because the limiter's store did.
 */
public class RateLimiter {

    private record Rule(RequestRule rule, RedisPolicy policy) {
    }

    private final List<Rule> rules;
    private final RedisPolicy fallback;
    private final RedisRateLimiter redis;

    public RateLimiter(RateLimitProperties properties, RedisRateLimiter redis) {
        this.rules = properties.policies().stream()
                .map(policy -> new Rule(new RequestRule(policy.methods(), policy.paths()), RedisPolicy.of(policy)))
                .toList();
        this.fallback = RedisPolicy.of(properties.fallback());
        this.redis = redis;
        rules.forEach(rule -> register(rule.policy()));
        register(fallback);
    }

    private void register(RedisPolicy policy) {
        redis.getConfig().put(policy.policy().name(), policy.config());
    }

    Mono<Decision> take(ServerHttpRequest request, String clientAddress) {
        RedisPolicy policy = policyFor(request);
        return redis.isAllowed(policy.policy().name(), policy.policy().name() + '|' + clientAddress)
                .map(response -> {
                    String left = response.getHeaders().get(redis.getRemainingHeader());
                    long tokensLeft = left == null ? -1 : Long.parseLong(left);
                    return new Decision(response.isAllowed(), policy, tokensLeft);
                });
    }

    private RedisPolicy policyFor(ServerHttpRequest request) {
        for (Rule rule : rules) {
            if (rule.rule().matches(request)) {
                return rule.policy();
            }
        }
        return fallback;
    }

    /**
     * @param tokensLeft tokens in the bucket after this request; -1 when the store could not be asked (the
     *                   library then allows the request)
     */
    record Decision(boolean allowed, RedisPolicy redisPolicy, long tokensLeft) {

        boolean storeFailed() {
            return tokensLeft < 0;
        }

        RateLimitPolicy policy() {
            return redisPolicy.policy();
        }
    }
}
