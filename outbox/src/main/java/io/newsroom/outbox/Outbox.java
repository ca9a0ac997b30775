package io.newsroom.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.newsroom.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Writes events into the outbox table, as part of the change they announce. */
public class Outbox {

    private final JdbcClient jdbc;
    private final String source;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, String source, Clock clock) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
    }

    /**
     * Appends an event. MANDATORY: outside a transaction the event could be written while the change
     * it announces rolls back (or the reverse), so calling this without one is a programming error.
     *
     * @return the event's {@code ce_id}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutboxEvent event) {
        UUID ceId = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_event (topic, message_key, ce_id, ce_type, ce_source, ce_subject, ce_time, payload,
                                                  traceparent)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(event.topic(), event.key(), ceId, event.type(), source, event.subject(),
                        Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                        EventJson.mapper().writeValueAsString(event.payload()), currentTraceparent())
                .update();
        return ceId;
    }

    /**
     * The W3C traceparent of the current span (OpenTelemetry's current context, which Micrometer Tracing's OpenTelemetry
     * bridge maintains), or null outside a trace.
     */
    static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
