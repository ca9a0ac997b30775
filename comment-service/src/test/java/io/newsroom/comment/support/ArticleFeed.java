package io.newsroom.comment.support;

import io.newsroom.events.ArticlePublished;
import io.newsroom.events.ArticleUnpublished;
import io.newsroom.events.ArticleUpdated;
import io.newsroom.events.ArticleChange;
import io.newsroom.events.Dateline;
import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventJson;
import io.newsroom.events.NewsEvent;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plays article-service: sends article events to {@code news.article} exactly as its relay would. */
public final class ArticleFeed {

    private static KafkaProducer<String, byte[]> producer;

    private ArticleFeed() {
    }

    public static ArticlePublished published(UUID articleId, long version, boolean commentsEnabled) {
        Instant now = Instant.now();
        return new ArticlePublished(articleId, version, "slug-" + articleId, "Ceasefire talks resume",
                "Negotiators return to the table", new Dateline("Jerusalem", ZoneId.of("Asia/Jerusalem")),
                List.of(), "<p>Body</p>", "world", List.of(), null, commentsEnabled, false, now, now, List.of());
    }

    public static ArticleUpdated updated(UUID articleId, long version, boolean commentsEnabled) {
        Instant now = Instant.now();
        return new ArticleUpdated(articleId, version, ArticleChange.COMMENTS_SETTING, "slug-" + articleId,
                "Ceasefire talks resume", "Negotiators return to the table",
                new Dateline("Jerusalem", ZoneId.of("Asia/Jerusalem")), List.of(), "<p>Body</p>", "world",
                List.of(), null, commentsEnabled, false, now, now, List.of());
    }

    public static ArticleUnpublished unpublished(UUID articleId, long version) {
        return new ArticleUnpublished(articleId, version, "slug-" + articleId, "legal", Instant.now());
    }

    public static void send(NewsEvent event) {
        var record = new ProducerRecord<>(Topics.ARTICLE, Topics.keyFor(event),
                EventJson.mapper().writeValueAsBytes(event));
        EventEnvelope.of(event, Instant.now()).toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /** As the outbox relay sends it from a traced request: with the CloudEvents traceparent extension. */
    public static void sendTraced(NewsEvent event, String traceparent) {
        var record = new ProducerRecord<>(Topics.ARTICLE, Topics.keyFor(event),
                EventJson.mapper().writeValueAsBytes(event));
        EventEnvelope.of(event, Instant.now()).toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(CloudEventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** A record that is not a valid event, to see it end in the dead-letter topic. */
    public static void sendRaw(String key, byte[] payload, Map<String, String> headers) {
        var record = new ProducerRecord<>(Topics.ARTICLE, key, payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the test article event", e);
        }
    }
}
