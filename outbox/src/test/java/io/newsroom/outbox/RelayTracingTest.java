package io.newsroom.outbox;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay is a hop of the trace: its span is the stored request's child, and the event carries the relay's span. */
class RelayTracingTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final RelayTracing tracing = new RelayTracing(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build());

    @Test
    void theEventGoesOnInTheRelaysSpanOfTheStoredTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestSpan = traceId.substring(16);

        RelayTracing.Hop hop = tracing.start(row("00-" + traceId + "-" + requestSpan + "-01"));
        hop.end(true);

        SpanData relay = spans.getFinishedSpanItems().getFirst();
        assertThat(relay.getTraceId()).isEqualTo(traceId);
        assertThat(relay.getParentSpanId()).isEqualTo(requestSpan);
        assertThat(relay.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(relay.getName()).isEqualTo("outbox-relay publish news.article");
        assertThat(hop.event().traceparent()).isEqualTo("00-" + traceId + "-" + relay.getSpanId() + "-01");
        assertThat(hop.event().toRecord().headers().lastHeader("ce_traceparent").value())
                .asString().isEqualTo(hop.event().traceparent());
    }

    @Test
    void anUnacknowledgedSendEndsItsSpanAsAnError() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        tracing.start(row("00-" + traceId + "-" + traceId.substring(16) + "-01")).end(false);

        assertThat(spans.getFinishedSpanItems().getFirst().getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void aRowWithoutTraceStartsNoSpanAndSendsNoTraceparent() {
        RelayTracing.Hop hop = tracing.start(row(null));
        hop.end(true);

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(hop.event().toRecord().headers().lastHeader("ce_traceparent")).isNull();
        assertThat(RelayTracing.NONE.start(row("00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01")).event().traceparent())
                .as("without a tracer the stored context goes out unchanged")
                .isEqualTo("00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01");
    }

    private static PendingEvent row(String traceparent) {
        return new PendingEvent(1, "news.article", "a1", UUID.randomUUID(), "news.article.published.v1",
                "/newsroom/article-service", "a1", Instant.now(), "{}", traceparent);
    }
}
