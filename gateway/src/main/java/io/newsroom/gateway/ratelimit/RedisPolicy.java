package io.newsroom.gateway.ratelimit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A policy ("{@code capacity} requests per {@code period}") as SCG's Redis token bucket, which refills a whole number
 * of tokens per second: each request takes {@code requestedTokens} tokens, the bucket refills {@code replenishRate}
 * tokens a second and holds {@code burstCapacity}. For 5 per minute: 12 tokens a request, 1 token a second, 60 at
 * most; for 120 per minute: 1, 2, 120. The smallest such numbers (divided by gcd(capacity, seconds)).
 */
record RedisPolicy(RateLimitPolicy policy, int requestedTokens, int replenishRate, long burstCapacity,
                   String limitHeader, String policyHeader, byte[][] scriptArguments) {

    static RedisPolicy of(RateLimitPolicy policy) {
        long seconds = Math.max(1, policy.period().toSeconds());
        long gcd = BigInteger.valueOf(policy.capacity()).gcd(BigInteger.valueOf(seconds)).longValueExact();
        int requested = Math.toIntExact(seconds / gcd);
        int rate = Math.toIntExact(policy.capacity() / gcd);
        long burst = (long) policy.capacity() * requested;
        // RateLimit-Limit, RateLimit-Policy and the script's arguments are the same for every request: made once.
        // The arguments: replenish rate, burst capacity, now (empty: the script reads Redis's clock, so replicas
        // need no synchronised clocks) and tokens requested. Lettuce only reads them.
        return new RedisPolicy(policy, requested, rate, burst, Integer.toString(policy.capacity()),
                "%d;w=%d;name=\"%s\"".formatted(policy.capacity(), seconds, policy.name()),
                new byte[][] {ascii(rate), ascii(burst), new byte[0], ascii(requested)});
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    /** Requests left, from the tokens Redis reports. */
    int remaining(long tokensLeft) {
        return (int) Math.max(0, tokensLeft / requestedTokens);
    }

    /** Seconds until the bucket is full again (RateLimit-Reset). */
    long secondsToFull(long tokensLeft) {
        return ceilDiv(Math.max(0, burstCapacity - tokensLeft), replenishRate);
    }

    /** Seconds until one more request passes (Retry-After), at least 1. */
    long secondsToNext(long tokensLeft) {
        return Math.max(1, ceilDiv(Math.max(0, requestedTokens - tokensLeft), replenishRate));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
