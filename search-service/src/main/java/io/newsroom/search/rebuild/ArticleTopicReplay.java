package io.newsroom.search.rebuild;

import io.newsroom.events.Topics;
import io.newsroom.search.indexing.ArticleEventReader;
import io.newsroom.search.indexing.ArticleIndexer;
import io.newsroom.search.indexing.ArticleRevision;
import io.newsroom.search.indexing.IndexOutcome;
import io.newsroom.search.indexing.PoisonEventException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads {@code news.article} from given offsets up to given end offsets with its own consumer
 * (assigned partitions, no group, nothing committed: the live consumer's position is untouched)
 * and bulk-indexes every event into one index. The next bulk request is read, converted and
 * serialized on this thread while up to {@link #IN_FLIGHT} earlier ones are being indexed, so the
 * sender threads only wait for Elasticsearch and Kafka reading, JSON work and indexing overlap.
 */
@Component
class ArticleTopicReplay {

    static final int BULK_SIZE = 2_000;
    /**
     * Bulk requests being indexed at once. Two keep both write threads of a small node busy; their order
     * does not matter, because external versioning keeps the highest version of an article either way.
     */
    static final int IN_FLIGHT = 2;

    private final KafkaProperties kafka;
    private final ArticleIndexer indexer;

    ArticleTopicReplay(KafkaProperties kafka, ArticleIndexer indexer) {
        this.kafka = kafka;
        this.indexer = indexer;
    }

    /** How far a replay got. */
    record Progress(Map<TopicPartition, Long> endOffsets, long events, long skipped) {
    }

    /** The current end of every partition of the topic: a replay reads up to here. */
    Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer));
        }
    }

    /**
     * @param from  start offsets per partition, or empty for the beginning of every partition
     * @param until exclusive end offsets per partition
     */
    Progress replay(String index, Map<TopicPartition, Long> from, Map<TopicPartition, Long> until,
                    SourceOfTruth truth) {
        long events = 0;
        long skipped = 0;
        ExecutorService bulkSender = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofPlatform().name("rebuild-bulk-", 0).factory());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> pending = new ArrayList<>(until.keySet().stream()
                    .filter(tp -> until.get(tp) > from.getOrDefault(tp, 0L)).toList());
            consumer.assign(pending);
            for (TopicPartition tp : pending) {
                if (from.containsKey(tp)) {
                    consumer.seek(tp, from.get(tp));
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
            List<ArticleRevision> batch = new ArrayList<>(BULK_SIZE);
            Deque<CompletableFuture<Long>> inFlight = new ArrayDeque<>();
            while (!pending.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= until.get(tp)) {
                        continue;
                    }
                    events++;
                    try {
                        ArticleEventReader.read(headers(record), record.value()).ifPresent(revision -> {
                            truth.saw(revision);
                            batch.add(revision);
                        });
                    } catch (PoisonEventException e) {
                        skipped++;
                    }
                    if (batch.size() >= BULK_SIZE) {
                        List<ArticleRevision> revisions = List.copyOf(batch);
                        ArticleIndexer.PreparedBulk next = indexer.prepare(index, revisions);
                        if (inFlight.size() >= IN_FLIGHT) {
                            skipped += inFlight.removeFirst().join();
                        }
                        inFlight.addLast(send(bulkSender, next, revisions, truth));
                        batch.clear();
                    }
                }
                pending.removeIf(tp -> consumer.position(tp) >= until.get(tp));
                consumer.assign(pending);
            }
            List<ArticleRevision> rest = List.copyOf(batch);
            ArticleIndexer.PreparedBulk last = indexer.prepare(index, rest);
            inFlight.addLast(send(bulkSender, last, rest, truth));
            for (CompletableFuture<Long> bulk : inFlight) {
                skipped += bulk.join();
            }
        } finally {
            bulkSender.shutdown();
        }
        return new Progress(until, events, skipped);
    }

    private CompletableFuture<Long> send(ExecutorService sender, ArticleIndexer.PreparedBulk bulk,
                                         List<ArticleRevision> batch, SourceOfTruth truth) {
        return CompletableFuture.supplyAsync(() -> {
            List<IndexOutcome> outcomes = indexer.send(bulk);
            long rejected = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).status() == IndexOutcome.Status.REJECTED) {
                    truth.forget(batch.get(i));
                    rejected++;
                }
            }
            return rejected;
        }, sender);
    }

    private static Map<String, Object> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(Topics.ARTICLE).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BULK_SIZE);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
