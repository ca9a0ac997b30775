package io.newsroom.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.consumers.DeadLetterReason;
import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.TopicReader;
import io.newsroom.search.freshness.PublishToSearchable;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.RealInfraTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    InMemorySpanExporter spans;

    @Test
    void indexingContinuesTheTraceOfThePublishRequest() {
        String word = unique();
        UUID id = UUID.randomUUID();
        String traceId = newTraceId();
        String relaySpan = traceId.substring(16);
        events().publishTraced(NewsEvents.published(id, 1, copy("Ferry service resumes " + word)),
                "00-" + traceId + "-" + relaySpan + "-01");

        eventually(VISIBLE_WITHIN, () -> headlineFor(word).isPresent(), "article visible in search");
        SpanData indexing = spanOf(traceId, "search-service index article");
        assertThat(indexing.getParentSpanId()).isEqualTo(relaySpan);
        assertThat(indexing.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(indexing.getAttributes().get(AttributeKey.stringKey("newsroom.article.id"))).isEqualTo(id.toString());
    }

    @Test
    void countingContinuesTheTraceOfTheReadersComment() {
        String word = unique();
        UUID id = UUID.randomUUID();
        events().publish(NewsEvents.published(id, 1, copy("Harbour festival " + word)));
        String traceId = newTraceId();
        String relaySpan = traceId.substring(16);
        events().publishTraced(NewsEvents.commentPosted(id, 1, 1), "00-" + traceId + "-" + relaySpan + "-01");

        eventually(VISIBLE_WITHIN, () -> hitFor(word).map(h -> h.path("commentCount").asLong() == 1).orElse(false),
                "comment count 1");
        SpanData counting = spanOf(traceId, "search-service count comments");
        assertThat(counting.getParentSpanId()).isEqualTo(relaySpan);
        assertThat(counting.getAttributes().get(AttributeKey.stringKey("newsroom.article.id"))).isEqualTo(id.toString());
        assertThat(counting.getAttributes().get(AttributeKey.stringKey("newsroom.event.outcome"))).isEqualTo("stored");
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The consumer ends its span after the bulk request; it is exported a moment later. */
    private SpanData spanOf(String traceId, String name) {
        eventually(Duration.ofSeconds(30), () -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getName().equals(name)), name + " span in trace " + traceId);
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals(name)).findFirst().orElseThrow();
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

        assertThat(header(deadLetter, DeadLetterReason.HEADER)).contains("Unreadable news.article.published.v1");
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ARTICLE);
        assertThat(header(deadLetter, CloudEventHeaders.TYPE)).isEqualTo("news.article.published.v1");
        // The DLT was created like news.article (3 partitions here), so the dead letter keeps its partition.
        assertThat(deadLetter.partition()).isEqualTo(
                ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt());
        assertThat(held).isLessThan(Duration.ofSeconds(10));
    }

    private ConsumerRecord<String, byte[]> deadLetterFor(String key, Duration timeout) {
        // An assigned reader without a group: after a group consumer here, DeadLetterRoutingIT's describeTopics of a
        // just-created topic fails (UnknownTopicOrPartition) on this machine; an assigned consumer does not.
        try (var reader = TopicReader.assigned(LocalKafka.shared().bootstrapServers(), Topics.ARTICLE_DLT)) {
            List<ConsumerRecord<String, byte[]>> found = reader.await(record -> key.equals(record.key()), 1, timeout);
            if (!found.isEmpty()) {
                return found.getFirst();
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
