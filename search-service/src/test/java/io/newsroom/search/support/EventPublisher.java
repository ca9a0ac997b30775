package io.newsroom.search.support;

import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventJson;
import io.newsroom.events.NewsEvent;
import io.newsroom.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events like the outbox relay does: key = article id, CloudEvents binary-mode headers, JSON payload. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Creates the source topics as their owners do (article topic compacted), if missing. The
     * dead-letter topics are the service's to create (DeadLetterTopics), like the source's.
     */
    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : List.of(
                    new NewTopic(Topics.ARTICLE, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(Topics.COMMENT, 3, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (Exception e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    public void publish(NewsEvent event) {
        publish(event, Instant.now());
    }

    public void publish(NewsEvent event, Instant time) {
        EventEnvelope envelope = EventEnvelope.of(event, time);
        byte[] payload = EventJson.mapper().writeValueAsBytes(event);
        send(envelope.type().topic(), Topics.keyFor(event), envelope.toHeaders(), payload);
    }

    /** As the outbox relay sends a change made in a traced request: with the CloudEvents traceparent extension. */
    public void publishTraced(NewsEvent event, String traceparent) {
        EventEnvelope envelope = EventEnvelope.of(event, Instant.now());
        Map<String, String> headers = new HashMap<>(envelope.toHeaders());
        headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        send(envelope.type().topic(), Topics.keyFor(event), headers, EventJson.mapper().writeValueAsBytes(event));
    }

    /** Sends anything, e.g. a broken record for the dead-letter tests. */
    public void send(String topic, String key, Map<String, String> headers, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    public void publishAsync(NewsEvent event, Instant time) {
        EventEnvelope envelope = EventEnvelope.of(event, time);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.type().topic(), Topics.keyFor(event),
                EventJson.mapper().writeValueAsBytes(event));
        envelope.toHeaders().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
