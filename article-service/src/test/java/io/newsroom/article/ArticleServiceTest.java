package io.newsroom.article;

import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.PostgresInfra;
import io.newsroom.infra.spring.SecurityInfra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole service on a random port with real PostgreSQL, Kafka and JWT issuer from local-infra. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsroom.outbox.relay.interval=50ms",
        "management.server.port=0",
        "newsroom.articles.scheduler-tick=200ms"})
@Import({PostgresInfra.class, KafkaInfra.class, SecurityInfra.class})
public @interface ArticleServiceTest {
}
