package io.newsroom.comment.articles;

import io.newsroom.consumers.EventTracing;
import io.newsroom.events.ArticleState;
import io.newsroom.events.ArticleUnpublished;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventJson;
import io.newsroom.events.EventType;
import io.newsroom.events.NewsEvent;
import io.newsroom.events.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.Map;

/**
 * Applies one {@code news.article} record to the local record of articles. Types this build does not
 * know are skipped (a newer producer may add some); a malformed record throws, so the container retries
 * it and then sends it to the dead-letter topic (module event-consumers).
 */
@Component
public class ArticleEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ArticleEventHandler.class);

    private final Articles articles;
    private final EventTracing tracing;

    public ArticleEventHandler(Articles articles, EventTracing tracing) {
        this.articles = articles;
        this.tracing = tracing;
    }

    /** In the editor's trace (the event's {@code ce_traceparent}): one span per event, with what became of it. */
    @Transactional
    public void handle(Message<byte[]> message) {
        Map<String, Object> headers = cloudEventHeaders(message);
        EventTracing.EventSpan span = tracing.continueTrace("comment-service apply article", headers,
                String.valueOf(CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT)));
        String outcome = "failed";
        try {
            outcome = apply(message, headers);
        } finally {
            span.end(outcome);
        }
    }

    /** @return {@code applied}, {@code stale} (a newer version was there) or {@code skipped} (unknown type) */
    private String apply(Message<byte[]> message, Map<String, Object> headers) {
        String type = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
        if (EventType.fromCeType(type).isEmpty()) {
            log.info("Skipping article event of unknown type {} (headers {})", type, message.getHeaders().keySet());
            return "skipped";
        }
        EventEnvelope envelope = EventEnvelope.fromHeaders(headers);
        NewsEvent event = EventJson.mapper().readValue(message.getPayload(), envelope.type().payloadType());
        boolean applied = switch (event) {
            case ArticleState state -> articles.apply(state);
            case ArticleUnpublished unpublished -> articles.apply(unpublished);
            default -> false;
        };
        log.debug("Article event {} {} for {}: {}", envelope.type().ceType(), envelope.id(), event.articleId(),
                applied ? "applied" : "already had a newer version");
        return applied ? "applied" : "stale";
    }

    /**
     * Spring Cloud Function recognizes CloudEvents and may hand the attributes over with its canonical
     * {@code ce-} prefix instead of the Kafka binding's {@code ce_}; both spellings are accepted.
     */
    private static Map<String, Object> cloudEventHeaders(Message<byte[]> message) {
        Map<String, Object> headers = new HashMap<>();
        message.getHeaders().forEach((name, value) ->
                headers.put(name.startsWith("ce-") ? "ce_" + name.substring(3) : name, value));
        return headers;
    }
}
