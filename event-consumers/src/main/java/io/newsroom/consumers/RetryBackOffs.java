package io.newsroom.consumers;

import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The two retry schedules of a failed record. */
final class RetryBackOffs {

    private RetryBackOffs() {
    }

    /** A bad record: {@code attempts} tries in all (e.g. 3: now, after 0.5 s, after 1 s more), then its dead letter. */
    static BackOff badRecord(ConsumersProperties properties) {
        if (properties.attempts() == 1) {
            return new FixedBackOff(0, 0);
        }
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.attempts() - 1);
        backOff.setInitialInterval(properties.firstRetry().toMillis());
        backOff.setMultiplier(properties.multiplier());
        backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
        return backOff;
    }

    /** The store is away: 0.5 s, 1 s, then every 2 s (by default), with no maximum of attempts or time. */
    static ExponentialBackOff untilTheStoreIsBack(ConsumersProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.firstRetry().toMillis(), properties.multiplier());
        backOff.setMaxInterval(properties.outageRetryMaxInterval().toMillis());
        return backOff;
    }
}
