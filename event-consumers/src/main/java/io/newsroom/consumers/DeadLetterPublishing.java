package io.newsroom.consumers;

import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Writes dead letters: the original record, bytes as received, through its own byte[] producer (Boot's producer
 * settings). Deliberately no {@code ProducerFactory} or {@code KafkaTemplate} bean, which would switch off Boot's.
 */
final class DeadLetterPublishing implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final DeadLetterReason reason;

    DeadLetterPublishing(KafkaProperties kafka, DeadLetterReason reason, Duration closeTimeout) {
        this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer());
        // a stopping service must not wait Kafka's 30 s for a producer that has nothing left to send
        this.producers.setPhysicalCloseTimeout(Math.toIntExact(Math.max(1, closeTimeout.toSeconds())));
        this.template = new KafkaTemplate<>(producers);
        this.reason = reason;
    }

    /**
     * @param bindingDestination the binding's own DLQ when it sets {@code enable-dlq} (the binder hands it over);
     *                           else {@code <topic>.dlt}, on the source partition when the topic has it
     */
    DeadLetterPublishingRecoverer recoverer(
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> bindingDestination) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                bindingDestination == null ? new DeadLetterPartitions(template) : bindingDestination);
        recoverer.addHeadersFunction((record, error) -> new RecordHeaders().add(DeadLetterReason.HEADER,
                reason.header(error)));
        return recoverer;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
