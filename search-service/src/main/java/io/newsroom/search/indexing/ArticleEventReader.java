package io.newsroom.search.indexing;

import io.newsroom.events.ArticleState;
import io.newsroom.events.ArticleUnpublished;
import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventJson;
import io.newsroom.events.EventType;
import io.newsroom.events.NewsEvent;
import io.newsroom.events.Topics;
import io.newsroom.search.index.ArticleDocument;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Turns one record of {@code news.article} (CloudEvents headers + JSON payload) into an
 * {@link ArticleRevision}. Shared by the live consumer and the rebuild replay so both read events the same way.
 */
public final class ArticleEventReader {

    private ArticleEventReader() {
    }

    /**
     * @return empty for an event type this build does not know (a newer producer; skipped, not poison)
     * @throws PoisonEventException for a record that can never be read
     */
    public static Optional<ArticleRevision> read(Map<String, ?> headers, byte[] payload) {
        String type = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
        if (type != null && EventType.fromCeType(type).isEmpty()) {
            return Optional.empty();
        }
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromHeaders(headers);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Bad CloudEvents headers: " + e.getMessage(), e);
        }
        if (!Topics.ARTICLE.equals(envelope.type().topic())) {
            throw new PoisonEventException("Not an article event: " + envelope.type().ceType());
        }
        if (payload == null) {
            throw new PoisonEventException("Empty payload for " + envelope.type().ceType());
        }
        NewsEvent event;
        try {
            event = EventJson.mapper().readValue(payload, envelope.type().payloadType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("Unreadable " + envelope.type().ceType() + " payload: " + e.getMessage(), e);
        }
        ArticleDocument document = switch (event) {
            case ArticleState article -> ArticleDocument.published(article);
            case ArticleUnpublished takedown -> ArticleDocument.tombstone(takedown);
            default -> throw new PoisonEventException("Unexpected payload " + event.getClass().getSimpleName());
        };
        if (document.version() < 1) {
            throw new PoisonEventException("Article version must be positive, was " + document.version());
        }
        return Optional.of(new ArticleRevision(document, envelope.time()));
    }
}
