package io.newsroom.comment.moderation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code newsroom.comments.held} and {@code newsroom.comments.reported}: what waits for a moderator.
 * Counted from the table (so every replica reports the true queues, whoever took the comment), in one
 * round trip over the partial queue indexes, and at most once per {@link #MAX_AGE} however often the
 * registry is scraped.
 */
@Component
class ModerationBacklog implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Snapshot(double held, double reported, long takenAt) {
    }

    private final JdbcClient jdbc;
    private Snapshot last;

    ModerationBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("newsroom.comments.held", this, b -> b.snapshot().held())
                .description("Comments waiting for a first moderation decision")
                .register(registry);
        Gauge.builder("newsroom.comments.reported", this, b -> b.snapshot().reported())
                .description("Visible comments in the reported queue")
                .register(registry);
    }

    /** Two gauges read one after the other share a query; NaN when the database cannot be asked. */
    private synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (last == null || now - last.takenAt() > MAX_AGE.toNanos()) {
            last = count(now);
        }
        return last;
    }

    private Snapshot count(long now) {
        try {
            return jdbc.sql("""
                            select (select count(*) from comments where status = 'HELD'),
                                   (select count(*) from comments where reported and status = 'VISIBLE')""")
                    .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2), now)).single();
        } catch (RuntimeException e) {
            // Not cached: the next scrape asks again instead of reporting NaN for the whole window.
            return new Snapshot(Double.NaN, Double.NaN, now - MAX_AGE.toNanos() - 1);
        }
    }
}
