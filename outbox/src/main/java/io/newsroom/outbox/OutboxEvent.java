package io.newsroom.outbox;

import io.newsroom.events.EventType;
import io.newsroom.events.NewsEvent;
import io.newsroom.events.Topics;

import java.util.Objects;

/**
 * One event to publish.
 *
 * @param topic   Kafka topic, e.g. {@code news.article}
 * @param key     record key; all events with one key are delivered in append order
 * @param type    {@code ce_type}, e.g. {@code news.article.published.v1}
 * @param subject {@code ce_subject} (the article id)
 * @param payload serialized as JSON with the events module's mapping
 */
public record OutboxEvent(String topic, String key, String type, String subject, Object payload) {

    public OutboxEvent {
        requireText(topic, "topic");
        requireText(key, "key");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(payload, "payload");
    }

    /** The event for a contract payload: topic, type, key and subject all follow from it. */
    public static OutboxEvent of(NewsEvent payload) {
        EventType type = EventType.of(payload);
        String key = Topics.keyFor(payload);
        return new OutboxEvent(type.topic(), key, type.ceType(), key, payload);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
