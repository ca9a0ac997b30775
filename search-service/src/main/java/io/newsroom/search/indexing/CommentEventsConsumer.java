package io.newsroom.search.indexing;

import io.newsroom.consumers.EventTracing;
import io.newsroom.events.CommentModerated;
import io.newsroom.events.CommentPosted;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventJson;
import io.newsroom.events.EventType;
import io.newsroom.events.NewsEvent;
import io.newsroom.search.index.CommentCountIndex;
import io.newsroom.search.index.CommentCountIndex.CommentCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * The {@code news.comment} consumer (binding {@code commentEvents-in-0}, batch mode): keeps each
 * article's visible comment count, order-safely (see {@link CommentCountIndex}). Poison records go
 * the same way as article ones: retried, then to {@code news.comment.dlt}.
 */
@Component("commentEvents")
public class CommentEventsConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(CommentEventsConsumer.class);

    private final CommentCountIndex counts;
    private final EventTracing tracing;

    public CommentEventsConsumer(CommentCountIndex counts, EventTracing tracing) {
        this.counts = counts;
        this.tracing = tracing;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = ArticleEventsConsumer.batchHeaders(batch, payloads.size());
        List<CommentCount> updates = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<EventTracing.EventSpan> spans = new ArrayList<>();
        ArticleEventsConsumer.Poison poison = null;
        for (int i = 0; i < payloads.size(); i++) {
            try {
                CommentCount count = read(headers.get(i), payloads.get(i));
                if (count != null) {
                    updates.add(count);
                    positions.add(i);
                    // The reader's trace goes on here: one span per event, child of comment-service's ce_traceparent.
                    spans.add(tracing.continueTrace("search-service count comments", headers.get(i), count.articleId()));
                }
            } catch (PoisonEventException e) {
                poison = ArticleEventsConsumer.Poison.first(poison, i, e);
            }
        }
        Map<Integer, String> rejections = counts.store(updates);
        for (Map.Entry<Integer, String> rejected : rejections.entrySet()) {
            poison = ArticleEventsConsumer.Poison.first(poison, positions.get(rejected.getKey()),
                    new PoisonEventException("Elasticsearch rejected comment count: " + rejected.getValue()));
        }
        for (int j = 0; j < spans.size(); j++) {
            spans.get(j).end(rejections.containsKey(j) ? "rejected" : "stored");
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.error().getMessage(), poison.error(), poison.position());
        }
    }

    private static CommentCount read(Map<String, Object> headers, byte[] payload) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromHeaders(headers);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("Unknown ce_type")) {
                log.warn("Skipping comment event: {}", e.getMessage());
                return null;
            }
            throw new PoisonEventException("Bad CloudEvents headers: " + e.getMessage(), e);
        }
        if (envelope.type() != EventType.COMMENT_POSTED && envelope.type() != EventType.COMMENT_MODERATED) {
            throw new PoisonEventException("Not a comment event: " + envelope.type().ceType());
        }
        NewsEvent event;
        try {
            event = EventJson.mapper().readValue(payload, envelope.type().payloadType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("Unreadable " + envelope.type().ceType() + " payload: " + e.getMessage(), e);
        }
        return switch (event) {
            case CommentPosted posted -> new CommentCount(posted.articleId().toString(),
                    posted.approvedCommentCount(), posted.sequence());
            case CommentModerated moderated -> new CommentCount(moderated.articleId().toString(),
                    moderated.approvedCommentCount(), moderated.sequence());
            default -> throw new PoisonEventException("Unexpected payload " + event.getClass().getSimpleName());
        };
    }
}
