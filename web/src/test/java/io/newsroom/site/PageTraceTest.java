package io.newsroom.site;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.spring.TracingInfra;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page and the API calls it is built from are one trace: the site continues the gateway's trace (the gateway routes
 * the reader's request here with a traceparent) and sends it on with every call to the public API, so what the
 * services did for a page, or for a console click, hangs under that request in the trace store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=-1")
@Import(TracingInfra.class)
class PageTraceTest {

    @RegisterExtension
    static final StubGateway STUB = new StubGateway(0);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("newsroom.site.gateway-url", STUB::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    InMemorySpanExporter spans;

    @Test
    void theArticlePagesCallsToTheApiContinueTheTraceOfThePageRequest() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        STUB.seen.clear();

        var page = HttpTestClient.loopback(port).withHeaders("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/articles/" + StubGateway.SLUG);

        assertThat(page.status()).isEqualTo(200);
        List<String> sent = STUB.seen.stream().map(StubGateway.Seen::traceparent).toList();
        assertThat(sent).as("traceparent of the site's calls to the API").isNotEmpty()
                .allSatisfy(t -> assertThat(t).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
        // spans are exported in batches, after the response
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(s -> s.getTraceId().equals(traceId))
                .extracting(s -> s.getKind().name()).contains("SERVER", "CLIENT"));
    }
}
