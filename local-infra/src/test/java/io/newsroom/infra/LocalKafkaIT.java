package io.newsroom.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaIT {

    private final LocalKafka kafka = LocalKafka.shared();

    @Test
    void aPublishedHeadlineIsConsumedWithItsKeyAndAnAutoCreatedTopicHasThreePartitions() throws Exception {
        String topic = "it.headlines." + UUID.randomUUID();
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "article-1", "Ceasefire agreed in Jerusalem")).get();
        }

        List<ConsumerRecord<String, byte[]>> records = consumeAll(topic, 1);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("article-1");
            assertThat(value(record)).isEqualTo("Ceasefire agreed in Jerusalem");
        });
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
        }
    }

    @Test
    void recordsWrittenBeforeARestartAreStillThereOnTheSamePortAfterIt() throws Exception {
        String topic = "it.restart." + UUID.randomUUID();
        String bootstrapServers = kafka.bootstrapServers();
        try (var producer = producer()) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(topic, "article-" + i, "version " + i)).get();
            }
        }

        kafka.stop();
        kafka.start();

        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
        assertThat(consumeAll(topic, 50)).extracting(LocalKafkaIT::value).hasSize(50).contains("version 0", "version 49");
    }

    @Test
    void aProducerRidesOutABrokerOutageAndEveryRecordArrives() throws Exception {
        String topic = "it.outage." + UUID.randomUUID();
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "before the outage")).get();
            kafka.stop();
            // send() may block while the broker is away (metadata), so the writer runs beside the restart.
            CompletableFuture<List<Future<RecordMetadata>>> writer = CompletableFuture.supplyAsync(() -> {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, "article-" + i, "comment " + i)));
                }
                return sent;
            });
            Thread.sleep(2_000);
            kafka.start();
            for (Future<RecordMetadata> ack : writer.get(120, TimeUnit.SECONDS)) {
                ack.get(120, TimeUnit.SECONDS);
            }
        }

        assertThat(consumeAll(topic, 501)).hasSize(501);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                new StringSerializer(), new StringSerializer());
    }

    private List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int expected) {
        return TopicReader.await(kafka.bootstrapServers(), topic, record -> true, expected, Duration.ofSeconds(60));
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
