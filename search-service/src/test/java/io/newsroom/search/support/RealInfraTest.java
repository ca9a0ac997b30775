package io.newsroom.search.support;

import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.spring.ElasticsearchInfra;
import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.SecurityInfra;
import io.newsroom.infra.spring.TracingInfra;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.indexing.ArticleIndexer;
import io.newsroom.search.indexing.ArticleRevision;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.events.ArticleState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the integration tests: the whole service on a random port against the real local
 * Elasticsearch 8.19 and Kafka from local-infra, and the local JWT issuer. One Spring context is
 * shared by every test class (same configuration), so tests use fresh article ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@Import({ElasticsearchInfra.class, KafkaInfra.class, SecurityInfra.class, TracingInfra.class})
public abstract class RealInfraTest {

    static {
        EventPublisher.createTopics(LocalKafka.shared().bootstrapServers());
    }

    private static EventPublisher publisher;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected ArticleIndexer indexer;

    @Autowired
    protected ArticleIndex articleIndex;

    protected static EventPublisher events() {
        if (publisher == null) {
            publisher = new EventPublisher(LocalKafka.shared().bootstrapServers());
        }
        return publisher;
    }

    @AfterAll
    static void closePublisher() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    /** Indexes articles straight into the index, for tests about querying rather than consuming. */
    protected void indexDirectly(List<? extends ArticleState> articles) {
        List<ArticleRevision> revisions = articles.stream()
                .map(a -> new ArticleRevision(ArticleDocument.published(a), Instant.now())).toList();
        for (int i = 0; i < revisions.size(); i += 1000) {
            indexer.index(articleIndex.alias(), revisions.subList(i, Math.min(revisions.size(), i + 1000)));
        }
        articleIndex.refresh(articleIndex.alias());
    }

    /** The service's public port, as a reader's client (or the gateway) calls it. */
    protected HttpTestClient http() {
        return HttpTestClient.loopback(port);
    }

    protected HttpTestResponse get(String pathAndQuery) {
        return http().get(pathAndQuery);
    }

    /** POST without a body, with {@code Authorization: Bearer} unless the token is null (a rebuild takes minutes). */
    protected HttpTestResponse post(String path, String bearerToken) {
        var request = http().request("POST", path).timeout(Duration.ofMinutes(5));
        return (bearerToken == null ? request : request.bearer(bearerToken)).send();
    }

    /** Waits until the condition holds, failing after the timeout. */
    public static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
