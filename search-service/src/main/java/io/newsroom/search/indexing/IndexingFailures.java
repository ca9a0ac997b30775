package io.newsroom.search.indexing;

import io.newsroom.consumers.ConsumerExtras;
import io.newsroom.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What indexing adds to the shared failure handling (module event-consumers): a poison event gets 3 attempts
 * (0.5 s, then 1 s apart), so it holds its partition for about 1.5 s plus processing, then goes to
 * {@code <topic>.dlt} on its source partition; its reason is the {@link PoisonEventException}'s. Elasticsearch away
 * (unreachable: {@code ElasticsearchUnavailable}, a {@code DataAccessResourceFailureException}; or answering 429/5xx:
 * {@link TransientIndexingException}) holds the batch until the node is back: an outage delays the index, it never
 * sends good events to the DLT.
 */
@Configuration(proxyBeanMethods = false)
class IndexingFailures {

    @Bean
    ConsumerExtras indexingConsumerExtras() {
        return ConsumerExtras.deadLetterTopicsFor(Topics.ARTICLE, Topics.COMMENT)
                .retryUntilBackOn(TransientIndexingException.class)
                .reasonFrom(PoisonEventException.class);
    }
}
