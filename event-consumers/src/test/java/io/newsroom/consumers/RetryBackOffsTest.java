package io.newsroom.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class RetryBackOffsTest {

    private static final ConsumersProperties DEFAULTS = properties(3);

    @Test
    void aBadRecordGetsItsAttemptsThenStops() {
        assertThat(pauses(RetryBackOffs.badRecord(DEFAULTS), 10)).containsExactly(500L, 1000L, BackOffExecution.STOP);
        assertThat(pauses(RetryBackOffs.badRecord(properties(4)), 10))
                .containsExactly(500L, 1000L, 2000L, BackOffExecution.STOP);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(pauses(RetryBackOffs.badRecord(properties(1)), 10)).containsExactly(BackOffExecution.STOP);
    }

    @Test
    void anOutageIsRetriedEveryTwoSecondsAndNeverGivenUp() {
        List<Long> pauses = pauses(RetryBackOffs.untilTheStoreIsBack(DEFAULTS), 10_000);

        assertThat(pauses).hasSize(10_000).startsWith(500L, 1000L, 2000L, 2000L).doesNotContain(BackOffExecution.STOP);
        assertThat(pauses.subList(2, pauses.size())).containsOnly(2000L);
    }

    private static ConsumersProperties properties(int attempts) {
        return new ConsumersProperties(attempts, Duration.ofMillis(500), 2.0, Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** The pauses the back-off asks for, up to its STOP or {@code max} of them. */
    private static List<Long> pauses(BackOff backOff, int max) {
        BackOffExecution execution = backOff.start();
        List<Long> pauses = new ArrayList<>();
        while (pauses.size() < max) {
            long pause = execution.nextBackOff();
            pauses.add(pause);
            if (pause == BackOffExecution.STOP) {
                break;
            }
        }
        return pauses;
    }
}
