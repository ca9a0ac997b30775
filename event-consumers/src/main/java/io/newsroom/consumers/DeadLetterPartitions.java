package io.newsroom.consumers;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Where a dead letter goes: {@code <topic>.dlt}, same partition as its source record when the
 * dead-letter topic has that partition, else partition -1 (the producer chooses, by key). A DLT
 * created elsewhere with fewer partitions thus never makes the send fail and the poison event is
 * still kept.
 */
public class DeadLetterPartitions implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

    /** Let the producer choose the partition. */
    static final int ANY = -1;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPartitions.class);

    private final KafkaOperations<?, ?> producer;

    public DeadLetterPartitions(KafkaOperations<?, ?> producer) {
        this.producer = producer;
    }

    @Override
    public TopicPartition apply(ConsumerRecord<?, ?> record, Exception error) {
        String dlt = DeadLetterTopics.deadLetterTopicOf(record.topic());
        return new TopicPartition(dlt, record.partition() < partitionCount(dlt) ? record.partition() : ANY);
    }

    /** From the producer's metadata cache; 0 (so: let Kafka choose) when it cannot be had. */
    private int partitionCount(String topic) {
        try {
            var partitions = producer.partitionsFor(topic);
            return partitions == null ? 0 : partitions.size();
        } catch (RuntimeException e) {
            log.warn("No partition info for {}: {}", topic, e.toString());
            return 0;
        }
    }
}
