package io.newsroom.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param source {@code ce_source} of every event this service appends, e.g. {@code /newsroom/article-service}
 */
@ConfigurationProperties("newsroom.outbox")
public record OutboxProperties(String source, @DefaultValue Relay relay) {

    /**
     * @param enabled     off in a process that should only append (e.g. a one-off import)
     * @param interval    pause between relay passes
     * @param batchSize   rows per pass
     * @param sendTimeout how long a pass waits for Kafka before giving up until the next pass
     * @param lockKey     PostgreSQL advisory lock held by the one relaying replica
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration interval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("5s") Duration sendTimeout,
            @DefaultValue("7242001") long lockKey) {
    }
}
