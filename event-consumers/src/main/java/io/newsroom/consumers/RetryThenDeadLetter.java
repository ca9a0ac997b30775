package io.newsroom.consumers;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * The error handler of every binder consumer container. Retries happen in the container, not in the binder, so an
 * outage can be told apart from a bad record: the binder's own retries had dead-lettered good events after about
 * 10 s of a PostgreSQL restart. Meanwhile the consumer stays in its group, paused on the failed record, and nothing
 * after it is committed.
 */
final class RetryThenDeadLetter implements ListenerContainerWithDlqAndRetryCustomizer {

    private final DeadLetterPublishing deadLetters;
    private final ConsumersProperties properties;
    private final List<Class<? extends Throwable>> outages;

    RetryThenDeadLetter(DeadLetterPublishing deadLetters, ConsumersProperties properties,
                        List<Class<? extends Throwable>> outages) {
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.outages = List.copyOf(outages);
    }

    /** The binding's {@code backOff} (its {@code max-attempts}) is ignored: {@code newsroom.consumers.attempts}. */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestination,
                          @Nullable BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = deadLetters.recoverer(dlqDestination);
        var handler = new CommonDelegatingErrorHandler(
                new DefaultErrorHandler(recoverer, RetryBackOffs.badRecord(properties)));
        // the outage exception is usually wrapped (binder, JDBC, transaction template): look down the chain
        handler.setCauseChainTraversing(true);
        var untilBack = new DefaultErrorHandler(recoverer, RetryBackOffs.untilTheStoreIsBack(properties));
        outages.forEach(outage -> handler.addDelegate(outage, untilBack));
        container.setCommonErrorHandler(handler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
