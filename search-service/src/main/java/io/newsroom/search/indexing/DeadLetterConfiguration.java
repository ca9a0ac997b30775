package io.newsroom.search.indexing;

import io.newsroom.events.Topics;
import io.newsroom.search.index.ElasticsearchUnavailable;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison events: at most 3 attempts (0.5 s, then 1 s apart), then the record goes to
 * {@code <topic>.dlt} with spring-kafka's {@code kafka_dlt-exception-*} and {@code kafka_dlt-original-*}
 * headers, on its source partition when the DLT has it (see {@link DeadLetterTopics} and
 * {@link DeadLetterPartitions}). So a bad record holds its partition for about 1.5 s plus processing,
 * well under 5 s, and is never dropped: Spring Kafka's default (10 quick retries, then log and skip) is replaced.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /** Header on dead letters: the underlying reason the event could not be indexed. */
    public static final String DLT_REASON = "newsroom_dlt-reason";

    static final long FIRST_RETRY_MS = 500;
    static final int RETRIES = 2;

    /**
     * The dead-letter topics, created before the consumers start (singletons are initialised before
     * lifecycle beans start) with as many partitions as their source topic.
     */
    @Bean
    SmartInitializingSingleton deadLetterTopics(KafkaProperties kafka) {
        DeadLetterTopics topics = new DeadLetterTopics(kafka.buildAdminProperties());
        return () -> {
            topics.ensureFor(Topics.ARTICLE);
            topics.ensureFor(Topics.COMMENT);
        };
    }

    /**
     * Its own byte[] template: the dead letter is the original record, bytes as received. Not a
     * ProducerFactory bean, which would switch off Boot's default one.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaProperties kafka) {
        var producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer());
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
        var recoverer = new DeadLetterPublishingRecoverer(template, new DeadLetterPartitions(template));
        // spring-kafka's exception headers describe the listener wrapper; say what was wrong with the event too.
        recoverer.addHeadersFunction((record, error) -> new RecordHeaders().add(DLT_REASON,
                rootCause(error).getMessage() == null ? new byte[0]
                        : rootCause(error).getMessage().getBytes(StandardCharsets.UTF_8)));
        return recoverer;
    }

    /**
     * A bad event: 3 attempts, then its dead letter. Elasticsearch away (unreachable, or answering 429/5xx for the
     * batch): the batch is retried, backing off to {@link #MAX_OUTAGE_RETRY_MS}, for as long as the outage lasts.
     * The consumer stays paused in its group meanwhile, nothing is committed, and once the node is back the batch and
     * everything after it are indexed: an outage delays the index, it never sends good events to the DLT.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryThenDeadLetter(
            DeadLetterPublishingRecoverer recoverer) {
        return (container, destination, group) -> {
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(RETRIES);
            backOff.setInitialInterval(FIRST_RETRY_MS);
            backOff.setMultiplier(2.0);
            var handler = new CommonDelegatingErrorHandler(new DefaultErrorHandler(recoverer, backOff));
            handler.setCauseChainTraversing(true);
            DefaultErrorHandler untilBack = new DefaultErrorHandler(recoverer, untilElasticsearchIsBack());
            handler.addDelegate(ElasticsearchUnavailable.class, untilBack);
            handler.addDelegate(TransientIndexingException.class, untilBack);
            container.setCommonErrorHandler(handler);
        };
    }

    static final long MAX_OUTAGE_RETRY_MS = 2_000;

    /** Never gives up (no maximum attempts or elapsed time): 0.5 s, 1 s, then every 2 s. */
    static ExponentialBackOff untilElasticsearchIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY_MS, 2.0);
        backOff.setMaxInterval(MAX_OUTAGE_RETRY_MS);
        return backOff;
    }

    /** The first PoisonEventException in the chain (it names the event's problem), else the innermost cause. */
    private static Throwable rootCause(Throwable error) {
        Throwable innermost = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return t;
            }
            innermost = t;
        }
        return innermost;
    }
}
