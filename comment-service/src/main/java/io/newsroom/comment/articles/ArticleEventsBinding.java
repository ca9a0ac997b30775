package io.newsroom.comment.articles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The Spring Cloud Stream function bound to {@code news.article} (binding {@code articleEvents-in-0};
 * group and dead-letter topic are in application.yaml, retries in {@code newsroom.consumers}).
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventsBinding {

    @Bean
    Consumer<Message<byte[]>> articleEvents(ArticleEventHandler handler) {
        return handler::handle;
    }
}
