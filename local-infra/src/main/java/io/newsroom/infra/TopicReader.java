package io.newsroom.infra;

import io.newsroom.infra.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The one Kafka reader of every module's tests: reads a whole topic from the beginning (committed records only),
 * the way a downstream service would see it. Keys are strings, values bytes.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    /** A reader in a consumer group of its own, subscribed to {@code topic} (which may not exist yet). */
    public TopicReader(String bootstrapServers, String topic) {
        this(consumer(bootstrapServers, "test-" + UUID.randomUUID()));
        consumer.subscribe(List.of(topic));
    }

    private TopicReader(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /**
     * A reader without a consumer group, assigned every partition {@code topic} has now, from the beginning: no
     * group coordinator is involved (a group consumer's join can disturb an admin call on a topic just created).
     */
    public static TopicReader assigned(String bootstrapServers, String topic) {
        var reader = new TopicReader(consumer(bootstrapServers, null));
        List<TopicPartition> partitions = reader.consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.consumer.assign(partitions);
        reader.consumer.seekToBeginning(partitions);
        return reader;
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

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String group) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<? super ConsumerRecord<String, byte[]>> wanted) {
        return records.stream().filter(wanted).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
