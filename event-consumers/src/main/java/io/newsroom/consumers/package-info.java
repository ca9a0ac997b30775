/**
 * What every service consuming events with the Spring Cloud Stream Kafka binder needs when a record fails, once:
 * {@link io.newsroom.consumers.ConsumersAutoConfiguration} registers it, a service only states its extras
 * ({@link io.newsroom.consumers.ConsumerExtras}) and, if it differs, {@code newsroom.consumers.*}
 * ({@link io.newsroom.consumers.ConsumersProperties}).
 *
 * <ul>
 *   <li>A bad record gets {@code attempts} tries with backoff, then its dead letter: the original bytes on
 *       {@code <topic>.dlt}, on the source partition when the dead-letter topic has it ({@link DeadLetterPartitions}),
 *       or on the binding's own DLQ when it sets {@code enable-dlq}; with spring-kafka's {@code kafka_dlt-*}
 *       headers and {@link DeadLetterReason#HEADER}.</li>
 *   <li>While the store is away (the outage exceptions) the record is retried, 0.5 s, 1 s, then every 2 s, until
 *       it is back: an outage delays events, it never dead-letters good ones.</li>
 *   <li>The dead-letter topics a service names are created as it starts, before its consumers ({@link DeadLetterTopics},
 *       {@link StartupStep}), not while its context is refreshed.</li>
 *   <li>A stopping consumer waits at most {@code close-timeout} in {@code KafkaConsumer.close()}
 *       ({@link BoundedConsumerClose}).</li>
 * </ul>
 */
@NullMarked
package io.newsroom.consumers;

import org.jspecify.annotations.NullMarked;
