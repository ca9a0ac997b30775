package io.newsroom.gateway.ratelimit;

/**
 * A classic token bucket: {@code capacity} tokens, refilled continuously at {@code capacity / period}.
 * Time is passed in (nanoseconds) so tests need no sleeping.
 */
final class TokenBucket {

    private final RateLimitPolicy policy;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimitPolicy policy, long now) {
        this.policy = policy;
        this.tokens = policy.capacity();
        this.refilledAt = now;
    }

    synchronized Decision take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, policy, (int) tokens, nanosUntil(policy.capacity()), 0);
        }
        return new Decision(false, policy, 0, nanosUntil(policy.capacity()), nanosUntil(1));
    }

    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= policy.capacity();
    }

    private void refill(long now) {
        double perNano = policy.capacity() / (double) policy.period().toNanos();
        tokens = Math.min(policy.capacity(), tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }

    private long nanosUntil(double level) {
        double missing = level - tokens;
        if (missing <= 0) {
            return 0;
        }
        return (long) Math.ceil(missing * policy.period().toNanos() / policy.capacity());
    }

    /**
     * @param remainingNanosToFull     when the bucket is full again (RateLimit-Reset)
     * @param retryAfterNanos          when the next request can pass (Retry-After), 0 when allowed
     */
    record Decision(boolean allowed, RateLimitPolicy policy, int remaining, long remainingNanosToFull,
                    long retryAfterNanos) {
    }
}
