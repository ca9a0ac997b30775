package io.newsroom.search.index;

import static io.newsroom.search.support.RealInfraTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.spring.ElasticsearchInfra;
import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.SecurityInfra;
import io.newsroom.infra.spring.TracingInfra;
import io.newsroom.search.support.EventPublisher;
import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.TcpForwarder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * search-service started while its Elasticsearch is down, as after a node drain that moved both: the service starts
 * (it used to fail, then crash-loop), live but not ready, readers get 503, an article published meanwhile waits in
 * Kafka, and when
 * Elasticsearch comes back on the same address the indices are set up behind the alias and the article is searchable,
 * with nothing done by hand. Its own alias, comment count index and consumer group, so the shared test context's
 * index is untouched; Elasticsearch is the shared one behind a port that refuses connections until it is opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@Import({ElasticsearchInfra.class, KafkaInfra.class, SecurityInfra.class, TracingInfra.class,
        StartWithoutElasticsearchIT.ElasticsearchBehindForwarder.class})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartWithoutElasticsearchIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALIAS = "late-articles-" + RUN;
    private static final TcpForwarder ELASTICSEARCH = TcpForwarder.onFreePort();

    static {
        EventPublisher.createTopics(LocalKafka.shared().bootstrapServers());
    }

    @DynamicPropertySource
    static void ownIndicesAndGroup(DynamicPropertyRegistry registry) {
        registry.add("newsroom.search.index.alias", () -> ALIAS);
        registry.add("newsroom.search.index.comment-counts-index", () -> "late-comment-counts-" + RUN);
        registry.add("spring.cloud.stream.bindings.articleEvents-in-0.group", () -> "late-search-" + RUN);
        registry.add("spring.cloud.stream.bindings.commentEvents-in-0.group", () -> "late-search-" + RUN);
    }

    /** The client goes to the forwarder's port, not straight to the shared Elasticsearch. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ElasticsearchBehindForwarder {

        @Bean
        @Primary
        ElasticsearchConnectionDetails elasticsearchBehindForwarder() {
            return () -> List.of(new ElasticsearchConnectionDetails.Node("127.0.0.1", ELASTICSEARCH.port(),
                    ElasticsearchConnectionDetails.Node.Protocol.HTTP));
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ElasticsearchClient client;

    @AfterAll
    static void closeForwarder() {
        ELASTICSEARCH.close();
    }

    @Test
    @Order(1)
    void startsWithElasticsearchDownAndSetsTheIndicesUpWhenItComesBack() throws IOException {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID id = UUID.randomUUID();

        assertThat(readiness()).as("readiness before the indices are set up").isEqualTo(503);
        assertThat(HttpTestClient.loopback(managementPort).get("/actuator/health/liveness").status()).isEqualTo(200);
        HttpTestResponse meanwhile = http().get("/search?q=" + word);
        assertThat(meanwhile.status()).isEqualTo(503);
        assertThat(meanwhile.isProblem()).isTrue();
        try (var events = new EventPublisher(LocalKafka.shared().bootstrapServers())) {
            events.publish(NewsEvents.published(id, 1, Copy.of("Bridge reopens " + word,
                    "The bridge reopened " + word + ".", "world", List.of("Testing"), Instant.now())));
        }

        URI elasticsearch = LocalElasticsearch.shared().httpUri();
        ELASTICSEARCH.open(new InetSocketAddress(elasticsearch.getHost(), elasticsearch.getPort()));

        eventually(Duration.ofSeconds(30), () -> readiness() == 200, "ready: the indices set up");
        eventually(Duration.ofSeconds(60), () -> http().get("/search?q=" + word).body().contains(id.toString()),
                "the article published while Elasticsearch was down is searchable");
        // Behind the alias, in the first generation: not an index Elasticsearch made up from the first write.
        assertThat(client.indices().getAlias(g -> g.name(ALIAS)).aliases().keySet()).containsExactly(ALIAS + "-v1");
    }

    @Test
    @Order(2)
    void anIndexElasticsearchDoesNotHaveAnswers503NotA500() throws IOException {
        client.indices().delete(d -> d.index(ALIAS + "-v1"));

        for (String path : List.of("/search?q=bridge", "/latest", "/suggest?prefix=bri")) {
            HttpTestResponse response = http().get(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.isProblem()).as(path).isTrue();
        }
    }

    private int readiness() {
        return HttpTestClient.loopback(managementPort).get("/actuator/health/readiness").status();
    }

    private HttpTestClient http() {
        return HttpTestClient.loopback(port);
    }
}
