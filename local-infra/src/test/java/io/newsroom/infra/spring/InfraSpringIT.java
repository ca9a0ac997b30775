package io.newsroom.infra.spring;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service test gets from the four @Import-able configurations, used through Boot's own auto-configuration. */
@SpringBootTest(classes = InfraSpringIT.NewsroomTestApp.class, properties = {
        "spring.cloud.function.definition=headlines",
        "spring.cloud.stream.bindings.headlines-in-0.destination=it.spring.headlines",
        "spring.cloud.stream.bindings.headlines-in-0.group=infra-spring-it",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer" })
@Import({ PostgresInfra.class, KafkaInfra.class, ElasticsearchInfra.class, SecurityInfra.class })
class InfraSpringIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Autowired
    BlockingQueue<String> receivedHeadlines;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    Environment environment;

    @Test
    void theDataSourceUsesAFreshDatabaseOfItsOwn() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("newsroom_test_");
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .isGreaterThanOrEqualTo(170000);
    }

    @Test
    void aKafkaTemplateRecordReachesAStreamBinderConsumer() throws Exception {
        kafkaTemplate.send("it.spring.headlines", "article-7", "Markets rally after budget").get(30, TimeUnit.SECONDS);

        assertThat(receivedHeadlines.poll(60, TimeUnit.SECONDS)).isEqualTo("Markets rally after budget");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers"))
                .isEqualTo(LocalKafka.shared().bootstrapServers());
    }

    @Test
    void theElasticsearch9ClientTalksToTheLocalElasticsearch8() throws Exception {
        assertThat(elasticsearch.cluster().health().status()).isIn(HealthStatus.Green, HealthStatus.Yellow);

        elasticsearch.index(index -> index.index("spring-it-articles").id("1").refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .document(Map.of("headline", "Election results are in")));
        var hits = elasticsearch.search(search -> search.index("spring-it-articles")
                .query(query -> query.match(match -> match.field("headline").query("election"))), Map.class);

        assertThat(hits.hits().hits()).hasSize(1);
    }

    @Test
    void theResourceServerIsPointedAtTheLocalIssuer() {
        LocalIssuer issuer = LocalIssuer.shared();

        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")).isEqualTo(issuer.jwkSetUri());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isEqualTo(issuer.issuer());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("newsroom");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class NewsroomTestApp {

        @Bean
        BlockingQueue<String> receivedHeadlines() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        Consumer<String> headlines(BlockingQueue<String> receivedHeadlines) {
            return receivedHeadlines::add;
        }
    }
}
