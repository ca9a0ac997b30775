package io.newsroom.search.indexing;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.consumers.EventTracing;
import io.newsroom.search.freshness.LiveRefresh;
import io.newsroom.search.freshness.PublishToSearchable;
import io.newsroom.search.index.ArticleIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The {@code news.article} consumer (binding {@code articleEvents-in-0}, group {@code search-service},
 * batch mode): one bulk request per poll; {@link LiveRefresh} makes the batch visible to search.
 *
 * <p>A record that can never be indexed is reported with {@link BatchListenerFailedException} naming
 * its position: the error handler (see {@link IndexingFailures}) commits the records before
 * it, retries it twice with backoff, then moves it to {@code news.article.dlt} and carries on.
 * Records after it are indexed again on redelivery, which external versioning makes harmless.
 */
@Component("articleEvents")
public class ArticleEventsConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(ArticleEventsConsumer.class);

    private final ArticleIndexer indexer;
    private final ArticleIndex index;
    private final PublishToSearchable freshness;
    private final LiveRefresh refresh;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    public ArticleEventsConsumer(ArticleIndexer indexer, ArticleIndex index, PublishToSearchable freshness,
                                 LiveRefresh refresh, MeterRegistry meters, EventTracing tracing) {
        this.indexer = indexer;
        this.index = index;
        this.freshness = freshness;
        this.refresh = refresh;
        this.meters = meters;
        this.tracing = tracing;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batchHeaders(batch, payloads.size());

        List<ArticleRevision> revisions = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<EventTracing.EventSpan> spans = new ArrayList<>();
        Poison poison = null;
        for (int i = 0; i < payloads.size(); i++) {
            try {
                Optional<ArticleRevision> revision = ArticleEventReader.read(headers.get(i), payloads.get(i));
                if (revision.isPresent()) {
                    freshness.received(revision.get().eventTime());
                    revisions.add(revision.get());
                    positions.add(i);
                    // The editor's trace goes on here: one span per event, child of the producer's ce_traceparent.
                    spans.add(tracing.continueTrace("search-service index article", headers.get(i),
                            revision.get().articleId().toString()));
                } else {
                    count("skipped");
                    log.warn("Skipping article event of unknown type {}", headers.get(i).get("ce_type"));
                }
            } catch (PoisonEventException e) {
                poison = Poison.first(poison, i, e);
            }
        }

        long bulkStart = System.nanoTime();
        List<IndexOutcome> outcomes = indexer.index(index.alias(), revisions);
        freshness.bulkTook(Duration.ofNanos(System.nanoTime() - bulkStart));
        List<Instant> applied = new ArrayList<>();
        for (int j = 0; j < outcomes.size(); j++) {
            IndexOutcome outcome = outcomes.get(j);
            count(outcome.status().name().toLowerCase());
            switch (outcome.status()) {
                case APPLIED -> applied.add(revisions.get(j).eventTime());
                case REJECTED -> poison = Poison.first(poison, positions.get(j),
                        new PoisonEventException("Elasticsearch rejected article " + revisions.get(j).articleId()
                                + " v" + revisions.get(j).version() + ": " + outcome.error()));
                case STALE -> log.debug("Stale article event {} v{}", revisions.get(j).articleId(),
                        revisions.get(j).version());
            }
        }
        refresh.written(applied);
        for (int j = 0; j < spans.size(); j++) {
            spans.get(j).end(j < outcomes.size() ? outcomes.get(j).status().name().toLowerCase() : "unknown");
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.error().getMessage(), poison.error(), poison.position());
        }
    }

    private void count(String outcome) {
        meters.counter("newsroom.search.article_events", "outcome", outcome).increment();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> batchHeaders(Message<?> batch, int size) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (converted instanceof List<?> list && list.size() == size) {
            return (List<Map<String, Object>>) list;
        }
        throw new IllegalStateException("Batch without per-record headers; is the binding in batch mode?");
    }

    /** The earliest bad record of a batch: everything before it is committed, it goes to the DLT. */
    record Poison(int position, PoisonEventException error) {

        static Poison first(Poison current, int position, PoisonEventException error) {
            return current == null || position < current.position ? new Poison(position, error) : current;
        }
    }
}
