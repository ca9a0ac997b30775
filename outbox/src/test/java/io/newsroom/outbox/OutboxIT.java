package io.newsroom.outbox;

import io.newsroom.infra.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsroom.events.EventJson;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.PostgresInfra;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = OutboxIT.App.class, properties = {
        "newsroom.outbox.source=/newsroom/outbox-it",
        "newsroom.outbox.relay.interval=50ms",
        "newsroom.outbox.relay.send-timeout=2s"})
@Import({PostgresInfra.class, KafkaInfra.class})
class OutboxIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Without actuator nothing binds MeterBinders; a service's Boot metrics setup does this. */
        @Bean
        MeterRegistry meterRegistry(OutboxMetrics metrics) {
            var registry = new SimpleMeterRegistry();
            metrics.bindTo(registry);
            return registry;
        }
    }

    record Numbered(String key, int n) {
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    MeterRegistry registry;

    @Test
    void appendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(event("t", "k", 1))).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void publishesACloudEventInBinaryModeAndDeletesTheRow() {
        String topic = "outbox-it-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        UUID ceId = transaction.execute(status -> outbox.append(event(topic, key, 7)));

        try (var reader = new TopicReader(LocalKafka.shared().bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(1, Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.getFirst();
            assertThat(record.key()).isEqualTo(key);
            assertThat(header(record, "ce_id")).isEqualTo(ceId.toString());
            assertThat(header(record, "ce_source")).isEqualTo("/newsroom/outbox-it");
            assertThat(header(record, "ce_type")).isEqualTo("test.numbered.v1");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_subject")).isEqualTo(key);
            assertThat(header(record, "ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(record.headers().lastHeader("ce_traceparent")).as("no trace, no traceparent").isNull();
            assertThat(EventJson.mapper().readValue(record.value(), Numbered.class)).isEqualTo(new Numbered(key, 7));
        }
        awaitBacklog(0);
        assertThat(registry.get("newsroom.outbox.published").tag("topic", topic).counter().count()).isEqualTo(1);
    }

    @Test
    void theTraceOfTheChangeTravelsAsTheCloudEventsTraceparent() {
        String topic = "outbox-it-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String spanId = traceId.substring(0, 16);
        // The editor's request span, as Micrometer Tracing's OpenTelemetry bridge makes it current.
        var request = Span.wrap(SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()));
        try (var scope = request.makeCurrent()) {
            transaction.executeWithoutResult(status -> outbox.append(event(topic, key, 1)));
        }
        try (var reader = new TopicReader(LocalKafka.shared().bootstrapServers(), topic)) {
            ConsumerRecord<String, byte[]> record = reader.await(1, Duration.ofSeconds(30)).getFirst();
            assertThat(header(record, "ce_traceparent")).isEqualTo("00-" + traceId + "-" + spanId + "-01");
        }
    }

    @Test
    void aRolledBackChangeNeverPublishes() {
        String topic = "outbox-it-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            outbox.append(event(topic, "k", 1));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.append(event(topic, "k", 2)));
        try (var reader = new TopicReader(LocalKafka.shared().bootstrapServers(), topic)) {
            var records = reader.await(1, Duration.ofSeconds(30));
            // Give a wrongly relayed first event time to show up too.
            records = reader.await(2, Duration.ofSeconds(2));
            assertThat(records).extracting(r -> EventJson.mapper().readValue(r.value(), Numbered.class).n()).containsExactly(2);
        }
    }

    @Test
    void aBrokerOutageDelaysEventsButLosesNoneAndKeepsPerKeyOrder() {
        String topic = "outbox-it-" + UUID.randomUUID();
        List<String> keys = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        int perKey = 40;
        LocalKafka kafka = LocalKafka.shared();
        kafka.stop();
        try {
            for (int n = 0; n < perKey; n++) {
                for (String key : keys) {
                    int number = n;
                    // Each append is its own short transaction, as an editor's request would be.
                    transaction.executeWithoutResult(status -> outbox.append(event(topic, key, number)));
                }
            }
            assertThat(metrics.backlog()).isGreaterThanOrEqualTo(keys.size() * perKey);
            assertThat(metrics.oldestAgeSeconds()).isPositive();
            assertThat(registry.get("newsroom.outbox.oldest.age").gauge().value()).isPositive();
        } finally {
            kafka.start();
        }

        try (var reader = new TopicReader(kafka.bootstrapServers(), topic)) {
            var records = reader.await(keys.size() * perKey, Duration.ofSeconds(90));
            Map<String, List<Integer>> byKey = new HashMap<>();
            for (var record : records) {
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(EventJson.mapper().readValue(record.value(), Numbered.class).n());
            }
            int duplicates = 0;
            for (String key : keys) {
                List<Integer> received = byKey.getOrDefault(key, List.of());
                List<Integer> firstSeen = new ArrayList<>(new LinkedHashMap<Integer, Boolean>() {{
                    received.forEach(n -> putIfAbsent(n, true));
                }}.keySet());
                duplicates += received.size() - firstSeen.size();
                assertThat(firstSeen).as("first deliveries of %s", key)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perKey).boxed().toList());
            }
            System.out.printf("Outbox outage test: %d events, %d duplicates%n", records.size(), duplicates);
        }
        awaitBacklog(0);
        assertThat(metrics.oldestAgeSeconds()).isZero();
    }

    private void awaitBacklog(double expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (metrics.backlog() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(metrics.backlog()).isEqualTo(expected);
    }

    private static OutboxEvent event(String topic, String key, int n) {
        return new OutboxEvent(topic, key, "test.numbered.v1", key, new Numbered(key, n));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
