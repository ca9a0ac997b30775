package io.newsroom.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private final RateLimitPolicy fivePerMinute =
            new RateLimitPolicy("comment-posting", List.of("POST"), List.of("/**"), 5, Duration.ofMinutes(1));

    @Test
    void burstUpToCapacityThenRefusedWithTheWaitForOneToken() {
        TokenBucket bucket = new TokenBucket(fivePerMinute, 0);
        for (int i = 4; i >= 0; i--) {
            assertThat(bucket.take(0)).extracting(TokenBucket.Decision::allowed, TokenBucket.Decision::remaining)
                    .containsExactly(true, i);
        }

        TokenBucket.Decision refused = bucket.take(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterNanos()).isEqualTo(12 * SECOND); // one token every 60 s / 5
        assertThat(refused.remainingNanosToFull()).isEqualTo(60 * SECOND);
    }

    @Test
    void refillsContinuouslyAndNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(fivePerMinute, 0);
        for (int i = 0; i < 5; i++) {
            bucket.take(0);
        }

        assertThat(bucket.take(11 * SECOND).allowed()).isFalse();
        assertThat(bucket.take(12 * SECOND).allowed()).isTrue();
        assertThat(bucket.isFull(10 * 60 * SECOND)).isTrue();
        assertThat(bucket.take(10 * 60 * SECOND).remaining()).isEqualTo(4);
    }
}
