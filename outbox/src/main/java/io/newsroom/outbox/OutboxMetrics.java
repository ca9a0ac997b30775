package io.newsroom.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code newsroom.outbox.backlog}, {@code newsroom.outbox.oldest.age} (seconds the oldest unsent row has waited; 0 when
 * none waits) and {@code newsroom.outbox.published}; bound by Boot when Micrometer is set up.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private volatile MeterRegistry registry;

    public OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        // Counted on scrape from the table itself, so every replica reports the true backlog.
        Gauge.builder("newsroom.outbox.backlog", this, OutboxMetrics::backlog)
                .description("Outbox events waiting to be published")
                .baseUnit("events")
                .register(registry);
        // An alert on age, not count: a busy but healthy relay has a backlog, a stuck one has an old row.
        Gauge.builder("newsroom.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Seconds the oldest outbox event has been waiting to be published (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Age of the oldest waiting row in seconds, 0 when the outbox is empty; NaN when the database cannot be asked. */
    public double oldestAgeSeconds() {
        try {
            return jdbc.sql("select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event")
                    .query(Double.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Rows waiting; NaN when the database cannot be asked (the gauge must not throw). */
    public double backlog() {
        try {
            return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    void published(String topic) {
        MeterRegistry bound = registry;
        if (bound != null) {
            bound.counter("newsroom.outbox.published", "topic", topic).increment();
        }
    }
}
