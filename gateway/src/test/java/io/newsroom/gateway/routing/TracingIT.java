package io.newsroom.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.security.LocalIssuer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The editor's trace starts at the gateway: its server span is the root, its client span (SCG's observation of the
 * proxied call) the parent the service sees in {@code traceparent}. A caller that is already traced is continued.
 */
class TracingIT extends GatewayTestSupport {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Autowired
    InMemorySpanExporter spans;

    @Test
    void anEditorRequestStartsATraceThatTheServiceContinues() {
        String token = LocalIssuer.shared().token("alice", "EDITOR");

        assertThat(client().withBearer(token).post("/api/v1/editor/articles", "{}").status()).isEqualTo(200);

        String traceparent = ARTICLES.last().header("traceparent");
        assertThat(traceparent).as("traceparent the gateway sent article-service").matches(TRACEPARENT);
        var matcher = TRACEPARENT.matcher(traceparent);
        assertThat(matcher.matches()).isTrue();
        String traceId = matcher.group(1);
        String parentSpanId = matcher.group(2);

        List<SpanData> trace = finishedSpansOf(traceId, 2);
        SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData proxied = trace.stream().filter(s -> s.getSpanId().equals(parentSpanId)).findFirst().orElseThrow();
        assertThat(server.getParentSpanContext().isValid()).as("the gateway's request span is the root").isFalse();
        assertThat(proxied.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(proxied.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(proxied.getResource().getAttributes().asMap().toString()).contains("gateway");
    }

    @Test
    void aTracedCallerIsContinued() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        assertThat(client().get("/api/v1/articles/israel-votes",
                "traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01").status()).isEqualTo(200);

        assertThat(ARTICLES.last().header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(traceId.substring(0, 16) + "-01");
        assertThat(finishedSpansOf(traceId, 2)).extracting(SpanData::getKind).contains(SpanKind.SERVER, SpanKind.CLIENT);
    }

    /** Spans are exported when they end, the server span after the response is written: wait for them. */
    private List<SpanData> finishedSpansOf(String traceId, int atLeast) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList(),
                found -> found.size() >= atLeast);
    }
}
