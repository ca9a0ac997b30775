package io.newsroom.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.infra.LocalKafka;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Dead-letter topics and partitions against the real local Kafka: no send may fail for want of a partition. */
class DeadLetterRoutingIT {

    private static final String KAFKA = LocalKafka.shared().bootstrapServers();
    private static final Map<String, Object> ADMIN = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    private static final DefaultKafkaProducerFactory<byte[], byte[]> PRODUCERS = new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA), new ByteArraySerializer(), new ByteArraySerializer());

    @AfterAll
    static void closeProducers() {
        PRODUCERS.destroy();
    }

    @Test
    void aMissingDeadLetterTopicIsCreatedWithTheSourcesPartitionCount() throws Exception {
        String source = "routing-" + UUID.randomUUID();
        create(new NewTopic(source, 4, (short) 1));

        int partitions = new DeadLetterTopics(ADMIN).ensureFor(source);

        assertThat(partitions).isEqualTo(4);
        assertThat(partitionsOf(source + ".dlt")).isEqualTo(4);
        assertThat(new DeadLetterTopics(ADMIN).ensureFor(source)).as("idempotent").isEqualTo(4);
    }

    @Test
    void aDeadLetterKeepsItsPartitionWhenTheDeadLetterTopicHasIt() throws Exception {
        String source = "routing-" + UUID.randomUUID();
        create(new NewTopic(source, 3, (short) 1));
        new DeadLetterTopics(ADMIN).ensureFor(source);

        TopicPartition target = new DeadLetterPartitions(new KafkaTemplate<>(PRODUCERS))
                .apply(new ConsumerRecord<>(source, 2, 10L, "key", "value"), new RuntimeException("poison"));

        assertThat(target).isEqualTo(new TopicPartition(source + ".dlt", 2));
    }

    @Test
    void aDeadLetterTopicWithFewerPartitionsLetsKafkaChooseAndTheDeadLetterIsStillWritten() throws Exception {
        String source = "routing-" + UUID.randomUUID();
        create(new NewTopic(source, 3, (short) 1));
        create(new NewTopic(source + ".dlt", 1, (short) 1)); // e.g. created by hand with defaults
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(PRODUCERS);
        DeadLetterPartitions partitions = new DeadLetterPartitions(template);

        TopicPartition fromPartition2 = partitions.apply(new ConsumerRecord<>(source, 2, 5L, "k", "v"), null);
        TopicPartition fromPartition0 = partitions.apply(new ConsumerRecord<>(source, 0, 5L, "k", "v"), null);

        assertThat(fromPartition2).isEqualTo(new TopicPartition(source + ".dlt", DeadLetterPartitions.ANY));
        assertThat(fromPartition0).isEqualTo(new TopicPartition(source + ".dlt", 0));
        // The full recoverer path: the dead letter from partition 2 lands on the DLT's only partition.
        var recoverer = new DeadLetterPublishingRecoverer(template, partitions);
        recoverer.setFailIfSendResultIsError(true);
        recoverer.accept(new ConsumerRecord<>(source, 2, 5L, "k".getBytes(), "v".getBytes()),
                new RuntimeException("poison"));
        assertThat(template.partitionsFor(source + ".dlt")).hasSize(1);
        assertThat(endOffset(source + ".dlt")).isEqualTo(1);
    }

    @Test
    void noSourceTopicMeansNoDeadLetterTopicAndNoFailure() {
        String source = "routing-missing-" + UUID.randomUUID();

        assertThat(new DeadLetterTopics(ADMIN).ensureFor(source)).isZero();
    }

    /** Creates the topic and waits until its metadata is visible, as an existing topic's is. */
    private static void create(NewTopic topic) throws Exception {
        try (Admin admin = Admin.create(ADMIN)) {
            admin.createTopics(List.of(topic)).all().get();
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    admin.describeTopics(List.of(topic.name())).allTopicNames().get();
                    return;
                } catch (ExecutionException notYet) {
                    Thread.sleep(50);
                }
            }
        }
    }

    /** A topic just created may not be in every broker's metadata yet: ask again for a while before failing. */
    private static int partitionsOf(String topic) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        try (Admin admin = Admin.create(ADMIN)) {
            while (true) {
                try {
                    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                } catch (ExecutionException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static long endOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(ADMIN)) {
            var partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition).get().offset();
        }
    }
}
