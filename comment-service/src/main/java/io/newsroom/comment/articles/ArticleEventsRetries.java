package io.newsroom.comment.articles;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries of {@code news.article} records, in the listener container rather than the binder, so a failure can be
 * told apart from a bad record. A record that fails by itself gets the binding's attempts (application.yaml) and then
 * its dead letter on {@code news.article.dlt}, with spring-kafka's {@code kafka_dlt-*} headers (as in
 * search-service). While the database cannot be reached, the record is retried (0.5 s, 1 s, then every 2 s) for as
 * long as the outage lasts: the binder's 4 attempts had sent good events to the dead-letter topic after about
 * 10 s of a PostgreSQL restart, so comment-service missed those articles for good.
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventsRetries {

    static final long MAX_OUTAGE_RETRY_MS = 2_000;

    /** Header on dead letters: why the event could not be applied (the same header as search-service's). */
    static final String DLT_REASON = "newsroom_dlt-reason";

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer retryUntilTheDatabaseIsBack(KafkaProperties kafka) {
        var producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer());
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container,
                                  String destinationName, String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetters,
                                  BackOff backOff) {
                var recoverer = deadLetters == null ? new DeadLetterPublishingRecoverer(template)
                        : new DeadLetterPublishingRecoverer(template, deadLetters);
                // spring-kafka's exception headers describe the listener wrapper; say what was wrong with the event.
                recoverer.addHeadersFunction((record, error) -> new RecordHeaders().add(DLT_REASON, reason(error)));
                var handler = new CommonDelegatingErrorHandler(new DefaultErrorHandler(recoverer,
                        backOff == null ? new FixedBackOff(0, 0) : backOff));
                handler.setCauseChainTraversing(true);
                DefaultErrorHandler untilBack = new DefaultErrorHandler(recoverer, untilTheDatabaseIsBack());
                handler.addDelegate(DataAccessResourceFailureException.class, untilBack);
                handler.addDelegate(CannotCreateTransactionException.class, untilBack);
                handler.addDelegate(TransactionSystemException.class, untilBack);
                container.setCommonErrorHandler(handler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    /** Never gives up (no maximum attempts or elapsed time): 0.5 s, 1 s, then every 2 s. */
    static ExponentialBackOff untilTheDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(MAX_OUTAGE_RETRY_MS);
        return backOff;
    }

    /** The innermost cause's message: the event's own problem, not the binder's wrappers around it. */
    private static byte[] reason(Throwable error) {
        Throwable innermost = error;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getName() : innermost.getMessage();
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
