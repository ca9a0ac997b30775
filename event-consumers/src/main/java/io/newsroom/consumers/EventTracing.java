package io.newsroom.consumers;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.newsroom.events.CloudEventHeaders;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Continues the producer's trace for an event: the CloudEvents {@code traceparent} extension (Kafka header
 * {@code ce_traceparent}, written by the outbox relay from the editor's or reader's request) becomes the parent of the
 * span in which a consumer handles the event. An event without it starts a new trace; without a tracer nothing is
 * recorded. A bean of every service with consumers ({@link ConsumersAutoConfiguration}).
 */
public class EventTracing {

    private static final Propagator.Getter<Map<String, String>> GETTER = Map::get;

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    public EventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
    }

    /** Starts the span for one event; end it with {@link EventSpan#end(String)}. */
    public EventSpan continueTrace(String name, Map<String, Object> headers, String articleId) {
        if (tracer == null || propagator == null) {
            return EventSpan.NONE;
        }
        String traceparent = CloudEventHeaders.text(headers, CloudEventHeaders.TRACEPARENT);
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of("traceparent", traceparent), GETTER);
        Span span = builder.name(name).kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("newsroom.article.id", articleId)
                .start();
        return new EventSpan(span);
    }

    /** One event's span (or none). */
    public static final class EventSpan {

        static final EventSpan NONE = new EventSpan(null);

        private final @Nullable Span span;

        EventSpan(@Nullable Span span) {
            this.span = span;
        }

        /** @param outcome what became of the event, e.g. {@code applied}, {@code stale}, {@code failed} */
        public void end(String outcome) {
            if (span != null) {
                span.tag("newsroom.event.outcome", outcome).end();
            }
        }
    }
}
