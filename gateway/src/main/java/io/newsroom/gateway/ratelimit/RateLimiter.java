package io.newsroom.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.newsroom.gateway.routing.RequestRule;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Rate limits shared by every gateway replica: one token bucket per (policy, client address) in Redis, kept by
 * Spring Cloud Gateway's token-bucket script ({@link RedisTokenBuckets}: atomic, Redis's clock). The first policy
 * whose methods and paths match applies, else the fallback. When Redis cannot be reached the request is allowed
 * ({@link Decision#storeFailed()}): reads must not fail because the limiter's store did.
 */
public class RateLimiter {

    private record Rule(RequestRule rule, RedisPolicy policy) {
    }

    private final List<Rule> rules;
    private final RedisPolicy fallback;
    private final RedisTokenBuckets buckets;

    RateLimiter(RateLimitProperties properties, RedisTokenBuckets buckets) {
        this.rules = properties.policies().stream()
                .map(policy -> new Rule(new RequestRule(policy.methods(), policy.paths()), RedisPolicy.of(policy)))
                .toList();
        this.fallback = RedisPolicy.of(properties.fallback());
        this.buckets = buckets;
    }

    /** Never completes exceptionally: a store failure is a {@link Decision#storeFailed()} decision. */
    CompletionStage<Decision> take(ServerHttpRequest request, String clientAddress) {
        RedisPolicy policy = policyFor(request);
        return buckets.take(policy.policy().name() + '|' + clientAddress, policy)
                .handle((answer, failure) -> failure == null
                        ? new Decision(answer.get(0) == 1L, policy, answer.get(1))
                        : new Decision(true, policy, -1));
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
     *                   request is then allowed)
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
