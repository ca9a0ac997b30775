package io.newsroom.infra;

import io.newsroom.infra.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Test helper: reads a whole topic from the beginning, the way a downstream service would see it. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Reads {@code topic} from the beginning until {@code count} records are {@code wanted}; returns those. */
    public static List<ConsumerRecord<String, byte[]>> await(String bootstrapServers, String topic,
            Predicate<? super ConsumerRecord<String, byte[]>> wanted, int count, Duration timeout) {
        try (var reader = new TopicReader(bootstrapServers, topic)) {
            return reader.await(wanted, count, timeout);
        }
    }

    /** Polls until {@code count} records have arrived or the timeout passes; returns all seen so far. */
    public List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
        return await(record -> true, count, timeout);
    }

    /** Polls until {@code count} of the records seen are {@code wanted} or the timeout passes; returns those. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<? super ConsumerRecord<String, byte[]>> wanted,
            int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (matching(wanted).size() < count && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return matching(wanted);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<? super ConsumerRecord<String, byte[]>> wanted) {
        return records.stream().filter(wanted).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
