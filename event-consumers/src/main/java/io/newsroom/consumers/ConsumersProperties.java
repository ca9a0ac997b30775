package io.newsroom.consumers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param attempts               tries of a bad record before its dead letter (the binding's own
 *                               {@code max-attempts} is not used: retries are the container's)
 * @param firstRetry             pause before the first retry, of a bad record and during an outage
 * @param multiplier             growth of the pause from one retry to the next
 * @param maxRetryInterval       longest pause between two tries of a bad record
 * @param outageRetryMaxInterval longest pause between two tries while the store is away; never gives up
 * @param closeTimeout           how long a stopping consumer may wait in {@code KafkaConsumer.close()}
 *                               (Kafka's own default is 30 s)
 */
@ConfigurationProperties("newsroom.consumers")
public record ConsumersProperties(
        @DefaultValue("3") int attempts,
        @DefaultValue("500ms") Duration firstRetry,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("5s") Duration maxRetryInterval,
        @DefaultValue("2s") Duration outageRetryMaxInterval,
        @DefaultValue("2s") Duration closeTimeout) {

    public ConsumersProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("newsroom.consumers.attempts must be at least 1, was " + attempts);
        }
    }
}
