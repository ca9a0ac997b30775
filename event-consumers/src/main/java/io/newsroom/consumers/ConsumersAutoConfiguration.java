package io.newsroom.consumers;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Registers the failure handling of the binder's consumers (see the package documentation). */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
@ConditionalOnBean(KafkaProperties.class)
@EnableConfigurationProperties(ConsumersProperties.class)
public class ConsumersAutoConfiguration {

    /** The store cannot be reached, or a transaction cannot be begun or committed: the outage exceptions. */
    static final List<Class<? extends Throwable>> OUTAGES = List.of(DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class);

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishing deadLetterPublishing(KafkaProperties kafka, ConsumersProperties properties,
                                              ObjectProvider<ConsumerExtras> extras) {
        return new DeadLetterPublishing(kafka, new DeadLetterReason(merged(extras).reasons()),
                properties.closeTimeout());
    }

    /** The binder takes one container customizer: a service with its own keeps it (and its own error handling). */
    @Bean
    @ConditionalOnMissingBean(ListenerContainerCustomizer.class)
    RetryThenDeadLetter retryThenDeadLetter(DeadLetterPublishing deadLetters, ConsumersProperties properties,
                                            ObjectProvider<ConsumerExtras> extras) {
        List<Class<? extends Throwable>> outages = new ArrayList<>(OUTAGES);
        outages.addAll(merged(extras).outages());
        return new RetryThenDeadLetter(deadLetters, properties, outages);
    }

    /** The dead-letter topics, made as the service starts (before its consumers), not while its context is refreshed. */
    @Bean
    StartupStep deadLetterTopics(KafkaProperties kafka, ObjectProvider<ConsumerExtras> extras) {
        return new StartupStep(() -> {
            List<String> sources = merged(extras).deadLetterTopicsFor();
            if (!sources.isEmpty()) {
                DeadLetterTopics topics = new DeadLetterTopics(kafka.buildAdminProperties());
                sources.forEach(topics::ensureFor);
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer, propagator);
    }

    @Bean
    BoundedConsumerClose boundedConsumerClose(ConsumersProperties properties) {
        return new BoundedConsumerClose(properties.closeTimeout());
    }

    private static ConsumerExtras merged(ObjectProvider<ConsumerExtras> extras) {
        return extras.orderedStream().reduce(ConsumerExtras.NONE, ConsumerExtras::and);
    }
}
