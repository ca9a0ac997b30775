package io.newsroom.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Our "N per period" policies as SCG's whole-tokens-per-second Redis bucket. */
class RedisPolicyTest {

    @Test
    void fivePerMinuteIsTwelveTokensARequestRefilledOneASecond() {
        RedisPolicy policy = RedisPolicy.of(new RateLimitPolicy("comment-posting", null, List.of("/**"), 5,
                Duration.ofMinutes(1)));

        assertThat(policy.requestedTokens()).isEqualTo(12);
        assertThat(policy.replenishRate()).isEqualTo(1);
        assertThat(policy.burstCapacity()).isEqualTo(60);
        assertThat(policy.remaining(60 - 12)).isEqualTo(4);
        assertThat(policy.remaining(0)).isZero();
        assertThat(policy.secondsToNext(0)).as("Retry-After when empty").isEqualTo(12);
        assertThat(policy.secondsToNext(11)).isEqualTo(1);
        assertThat(policy.secondsToFull(0)).as("RateLimit-Reset when empty").isEqualTo(60);
    }

    @Test
    void oneHundredTwentyPerMinuteIsTwoTokensASecondOneARequest() {
        RedisPolicy policy = RedisPolicy.of(new RateLimitPolicy("default", null, null, 120, Duration.ofMinutes(1)));

        assertThat(policy.requestedTokens()).isEqualTo(1);
        assertThat(policy.replenishRate()).isEqualTo(2);
        assertThat(policy.burstCapacity()).isEqualTo(120);
        assertThat(policy.secondsToFull(119)).isEqualTo(1);
    }

    @Test
    void aSubSecondPeriodCountsAsOneSecond() {
        RedisPolicy policy = RedisPolicy.of(new RateLimitPolicy("burst", null, null, 7, Duration.ofMillis(300)));

        assertThat(policy.replenishRate()).isEqualTo(7);
        assertThat(policy.requestedTokens()).isEqualTo(1);
    }
}
