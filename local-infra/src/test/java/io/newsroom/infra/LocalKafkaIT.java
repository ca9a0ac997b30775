package io.newsroom.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
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

        List<ConsumerRecord<String, String>> records = consumeAll(topic, 1);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("article-1");
            assertThat(record.value()).isEqualTo("Ceasefire agreed in Jerusalem");
        });
        try (var consumer = consumer()) {
            assertThat(consumer.partitionsFor(topic)).hasSize(3);
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
        assertThat(consumeAll(topic, 50)).extracting(ConsumerRecord::value).hasSize(50).contains("version 0", "version 49");
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

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private List<ConsumerRecord<String, String>> consumeAll(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
