package io.newsroom.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.search.freshness.PublishToSearchable;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.RealInfraTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The news.article and news.comment consumers against real Kafka and Elasticsearch. */
class ArticleEventsIT extends RealInfraTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(20);

    @Autowired
    ElasticsearchClient client;

    @Autowired
    MeterRegistry meters;

    @Test
    void publishedArticleBecomesSearchableAndFreshnessIsMeasured() {
        String word = unique();
        UUID id = UUID.randomUUID();
        long measuredBefore = meters.get(PublishToSearchable.METRIC).timer().count();

        events().publish(NewsEvents.published(id, 1, copy("Harbour strike ends " + word)));

        eventually(VISIBLE_WITHIN, () -> headlineFor(word).isPresent(), "article visible in search");
        assertThat(meters.get(PublishToSearchable.METRIC).timer().count()).isGreaterThan(measuredBefore);
    }

    @Autowired
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    @Test
    void indexingContinuesTheTraceOfThePublishRequest() {
        String word = unique();
        UUID id = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestSpan = traceId.substring(16);
        var event = NewsEvents.published(id, 1, copy("Ferry service resumes " + word));
        var envelope = io.newsroom.events.EventEnvelope.of(event, java.time.Instant.now());
        var headers = new java.util.HashMap<>(envelope.toHeaders());
        // What the outbox relay sends for a change made in the editor's traced request.
        headers.put(io.newsroom.events.CloudEventHeaders.TRACEPARENT, "00-" + traceId + "-" + requestSpan + "-01");
        events().send(envelope.type().topic(), io.newsroom.events.Topics.keyFor(event), headers,
                io.newsroom.events.EventJson.mapper().writeValueAsBytes(event));

        eventually(VISIBLE_WITHIN, () -> headlineFor(word).isPresent(), "article visible in search");
        eventually(java.time.Duration.ofSeconds(30), () -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getName().equals("search-service index article")),
                "an indexing span in the editor's trace");
        var indexing = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId)).findFirst().orElseThrow();
        assertThat(indexing.getParentSpanId()).isEqualTo(requestSpan);
        assertThat(indexing.getAttributes().asMap().toString()).contains(id.toString());
    }

    @Test
    void duplicatesAndOlderVersionsArriveLateWithoutEffect() {
        String word = unique();
        UUID id = UUID.randomUUID();
        Copy copy = copy("Council budget " + word);
        events().publish(NewsEvents.published(id, 1, copy));
        events().publish(NewsEvents.updated(id, 3, copy.withHeadline("Council budget approved " + word)));
        events().publish(NewsEvents.published(id, 1, copy));                                         // duplicate
        events().publish(NewsEvents.updated(id, 2, copy.withHeadline("Council budget delayed " + word))); // late, older
        String marker = unique();
        events().publish(NewsEvents.published(UUID.randomUUID(), 1, copy("Marker " + marker)));

        eventually(VISIBLE_WITHIN, () -> headlineFor(marker).isPresent(), "marker article visible");
        assertThat(headlineFor(word)).contains("Council budget approved " + word);
        assertThat(storedVersion(id)).isEqualTo(3);
    }

    @Test
    void unpublishedArticleStaysGoneWhenAStaleUpdateArrivesAfterIt() {
        String word = unique();
        UUID id = UUID.randomUUID();
        Copy copy = copy("Minister resigns " + word);
        events().publish(NewsEvents.published(id, 1, copy));
        eventually(VISIBLE_WITHIN, () -> headlineFor(word).isPresent(), "article visible");

        events().publish(NewsEvents.unpublished(id, 3));
        events().publish(NewsEvents.updated(id, 2, copy.withHeadline("Minister resigns, updated " + word)));
        String marker = unique();
        events().publish(NewsEvents.published(UUID.randomUUID(), 1, copy("Marker " + marker)));

        eventually(VISIBLE_WITHIN, () -> headlineFor(marker).isPresent(), "marker article visible");
        assertThat(headlineFor(word)).isEmpty();
        assertThat(get("/articles/" + id + "/related").status()).isEqualTo(404);
        assertThat(get("/suggest?prefix=" + "Minister%20resigns%2C%20updated").json().path("items").toString())
                .doesNotContain(word);
    }

    @Test
    void commentCountKeepsTheHighestSequenceWhateverTheOrder() {
        String word = unique();
        UUID id = UUID.randomUUID();
        events().publish(NewsEvents.published(id, 1, copy("Lively debate " + word)));
        events().publish(NewsEvents.commentPosted(id, 1, 1));
        events().publish(NewsEvents.commentPosted(id, 3, 3));
        events().publish(NewsEvents.commentPosted(id, 2, 2)); // late

        eventually(VISIBLE_WITHIN, () -> hitFor(word).map(h -> h.path("commentCount").asLong() == 3).orElse(false),
                "comment count 3");
        events().publish(NewsEvents.commentPosted(id, 2, 2));
        String marker = unique();
        events().publish(NewsEvents.published(UUID.randomUUID(), 1, copy("Marker " + marker)));
        eventually(VISIBLE_WITHIN, () -> headlineFor(marker).isPresent(), "marker article visible");
        assertThat(hitFor(word).orElseThrow().path("commentCount").asLong()).isEqualTo(3);
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicWithItsErrorAndDoesNotHoldUpTheNextOne() {
        String poisonKey = UUID.randomUUID().toString();
        Map<String, String> headers = EventEnvelope.of(NewsEvents.unpublished(UUID.fromString(poisonKey), 1),
                Instant.now()).toHeaders();
        headers.put(CloudEventHeaders.TYPE, "news.article.published.v1");
        Instant sent = Instant.now();
        events().send(Topics.ARTICLE, poisonKey, headers, "{\"articleId\": \"not json".getBytes(StandardCharsets.UTF_8));
        String word = unique();
        events().publish(NewsEvents.published(UUID.fromString(poisonKey), 1, copy("After the poison " + word)));

        ConsumerRecord<String, byte[]> deadLetter = deadLetterFor(poisonKey, Duration.ofSeconds(30));
        eventually(Duration.ofSeconds(10), () -> headlineFor(word).isPresent(), "the event after the poison");
        Duration held = Duration.between(sent, Instant.now());

        assertThat(header(deadLetter, DeadLetterConfiguration.DLT_REASON)).contains("Unreadable news.article.published.v1");
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLE);
        assertThat(header(deadLetter, CloudEventHeaders.TYPE)).isEqualTo("news.article.published.v1");
        // The DLT was created like news.article (3 partitions here), so the dead letter keeps its partition.
        assertThat(deadLetter.partition()).isEqualTo(
                ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt());
        assertThat(held).isLessThan(Duration.ofSeconds(10));
    }

    private ConsumerRecord<String, byte[]> deadLetterFor(String key, Duration timeout) {
        // Not TopicReader: after its group consumer here, DeadLetterRoutingIT's describeTopics of a just-created
        // topic fails (UnknownTopicOrPartition) on this machine; an assigned consumer without a group does not.
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.shared().bootstrapServers());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLE_DLT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No dead letter for " + key);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Optional<JsonNode> hitFor(String word) {
        JsonNode hits = get("/search?q=" + word).json().path("items");
        for (JsonNode hit : hits) {
            if (hit.path("headline").asString().contains(word)) {
                return Optional.of(hit);
            }
        }
        return Optional.empty();
    }

    private Optional<String> headlineFor(String word) {
        return hitFor(word).map(hit -> hit.path("headline").asString());
    }

    private long storedVersion(UUID id) {
        try {
            return client.get(g -> g.index(articleIndex.alias()).id(id.toString()), ArticleDocument.class)
                    .source().version();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Copy copy(String headline) {
        return Copy.of(headline, headline + ". The story in full, as filed by our correspondent.", "world",
                List.of("Testing"), Instant.now());
    }

    static String unique() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
