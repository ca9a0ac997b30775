package io.newsroom.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** Real KafkaConsumers (creating one does not connect), so what close() is asked for can be seen. */
class BoundedConsumerCloseTest {

    private static final Map<String, Object> CONFIG = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9",
            ConsumerConfig.GROUP_ID_CONFIG, "close-test");

    /** Remembers the close options it was given. */
    static class RecordingConsumer extends KafkaConsumer<byte[], byte[]> {
        final List<Optional<Duration>> closes = new ArrayList<>();

        RecordingConsumer() {
            super(CONFIG, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public void close(CloseOptions option) {
            closes.add(option.timeout());
            super.close(option);
        }
    }

    @Test
    void aPlainCloseWaitsAtMostTheCloseTimeout() {
        var consumer = new RecordingConsumer();

        BoundedConsumerClose.withCloseTimeout(consumer, Duration.ofSeconds(2)).close();

        assertThat(consumer.closes).containsExactly(Optional.of(Duration.ofSeconds(2)));
    }

    @Test
    void everythingElseIsTheConsumersOwn() {
        var consumer = new RecordingConsumer();
        Consumer<byte[], byte[]> bounded = BoundedConsumerClose.withCloseTimeout(consumer, Duration.ofSeconds(2));

        bounded.subscribe(List.of("some-topic"));
        assertThat(bounded.subscription()).containsExactly("some-topic");
        bounded.close(CloseOptions.timeout(Duration.ofMillis(10)));
        assertThat(consumer.closes).containsExactly(Optional.of(Duration.ofMillis(10)));
    }

    @Test
    void everyConsumerOfABindersFactoryIsBounded() {
        var factory = new DefaultKafkaConsumerFactory<>(CONFIG, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        new BoundedConsumerClose(Duration.ofSeconds(2)).configure(factory);

        try (Consumer<byte[], byte[]> consumer = factory.createConsumer()) {
            assertThat(Proxy.isProxyClass(consumer.getClass())).isTrue();
        }
    }
}
