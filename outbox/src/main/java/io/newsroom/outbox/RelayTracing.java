package io.newsroom.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The relay's hop in the trace of the change: for an outbox row that stored a traceparent, a PRODUCER span (child of
 * the request that wrote the row) around the send, whose own traceparent the event carries on (ce_traceparent), so
 * the consumer's span hangs below the relay's. Without a tracer (OpenTelemetry bean) the row's traceparent goes out as
 * it was stored.
 */
final class RelayTracing {

    static final RelayTracing NONE = new RelayTracing(null);

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final @Nullable Tracer tracer;

    RelayTracing(@Nullable OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry == null ? null : openTelemetry.getTracer("io.newsroom.outbox");
    }

    /** Starts the relay's span for one event (none if the row has no trace); end it with {@link Hop#end(boolean)}. */
    Hop start(PendingEvent event) {
        if (tracer == null || event.traceparent() == null) {
            return new Hop(null, event);
        }
        Context parent = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of("traceparent", event.traceparent()), GETTER);
        Span span = tracer.spanBuilder("outbox-relay publish " + event.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.ceId().toString())
                .setAttribute("newsroom.event.type", event.type())
                .startSpan();
        SpanContext context = span.getSpanContext();
        String traceparent = "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
        return new Hop(span, context.isValid() ? event.withTraceparent(traceparent) : event);
    }

    /** One event on its way, with the traceparent to send. */
    record Hop(@Nullable Span span, PendingEvent event) {

        void end(boolean acknowledged) {
            if (span != null) {
                if (!acknowledged) {
                    span.setStatus(StatusCode.ERROR, "not acknowledged; retried next pass");
                }
                span.end();
            }
        }

        static void endAll(List<Hop> hops, boolean acknowledged) {
            hops.forEach(hop -> hop.end(acknowledged));
        }
    }
}
