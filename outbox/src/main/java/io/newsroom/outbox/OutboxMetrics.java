package io.newsroom.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code newsroom.outbox.backlog} and {@code newsroom.outbox.published}; bound by Boot when Micrometer is set up. */
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
