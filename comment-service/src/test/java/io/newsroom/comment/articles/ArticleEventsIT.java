package io.newsroom.comment.articles;

import io.newsroom.comment.support.ArticleFeed;
import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.LocalPostgres;
import io.newsroom.infra.TopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ArticleEventsIT extends IntegrationTest {

    @Autowired
    Articles articles;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    InMemorySpanExporter spans;

    @Test
    void applyingAnArticleEventContinuesTheEditorsTrace() {
        UUID article = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String relaySpan = traceId.substring(16);

        ArticleFeed.sendTraced(ArticleFeed.published(article, 1, true), "00-" + traceId + "-" + relaySpan + "-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getName().equals("comment-service apply article")));
        SpanData applying = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals("comment-service apply article"))
                .findFirst().orElseThrow();
        assertThat(applying.getParentSpanId()).isEqualTo(relaySpan);
        assertThat(applying.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(applying.getAttributes().get(AttributeKey.stringKey("newsroom.article.id"))).isEqualTo(article.toString());
        assertThat(applying.getAttributes().get(AttributeKey.stringKey("newsroom.event.outcome"))).isEqualTo("applied");
    }

    @Test
    void theSameEventThreeTimesIsAppliedOnce() {
        UUID article = UUID.randomUUID();
        var published = ArticleFeed.published(article, 1, true);
        for (int i = 0; i < 3; i++) {
            ArticleFeed.send(published);
        }
        awaitArticleState(article, 200);
        postOk(article, "Still one article", uniqueEmail(), "VISIBLE");
        ArticleFeed.send(published);
        ArticleFeed.send(ArticleFeed.updated(article, 2, true)); // a marker: once applied, the duplicate was too
        await().atMost(Duration.ofSeconds(30)).until(() -> articles.find(article).orElseThrow().version() == 2);
        assertThat(articles.find(article).orElseThrow().approvedCommentCount()).isEqualTo(1);
    }

    @Test
    void olderEventsArrivingLateChangeNothing() {
        UUID article = UUID.randomUUID();
        ArticleFeed.send(ArticleFeed.unpublished(article, 3));
        ArticleFeed.send(ArticleFeed.published(article, 1, true));
        ArticleFeed.send(ArticleFeed.updated(article, 2, true));
        ArticleFeed.send(ArticleFeed.updated(article, 4, false)); // marker, newest
        await().atMost(Duration.ofSeconds(30)).until(() ->
                articles.find(article).map(a -> a.version() == 4).orElse(false));
        Article known = articles.find(article).orElseThrow();
        assertThat(known.published()).isTrue();
        assertThat(known.commentsEnabled()).isFalse();

        UUID other = UUID.randomUUID();
        ArticleFeed.send(ArticleFeed.published(other, 5, true));
        ArticleFeed.send(ArticleFeed.unpublished(other, 4));
        ArticleFeed.send(ArticleFeed.published(other, 3, true));
        awaitArticleState(other, 200);
        UUID marker = UUID.randomUUID();
        ArticleFeed.send(ArticleFeed.published(marker, 1, true));
        awaitArticleState(marker, 200);
        assertThat(articles.find(other).orElseThrow().version()).isEqualTo(5);
        assertThat(articles.find(other).orElseThrow().published()).isTrue();
    }

    @Test
    void anUnreadableEventEndsInTheDeadLetterTopicWithTheErrorAfterRetries() {
        String key = UUID.randomUUID().toString();
        ArticleFeed.sendRaw(key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "news.article.published.v1",
                "ce_source", "/newsroom/article-service", "ce_specversion", "1.0",
                "ce_time", "2026-11-03T09:15:00Z", "ce_subject", key));
        var dead = TopicReader.await(LocalKafka.shared().bootstrapServers(), Topics.ARTICLE_DLT, r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(dead.getFirst().headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
        // the reason names the event's problem (Jackson's), not the binder's wrapper around it
        var reason = dead.getFirst().headers().lastHeader("newsroom_dlt-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("Unexpected character").doesNotContain("Listener failed");

        // The consumer moved on: later events are still applied.
        openArticle();
    }

    /**
     * The database refuses connections (as while PostgreSQL restarts) for longer than the binder's four attempts
     * took: the event waits for it and is applied once it is back, instead of ending in the dead-letter topic.
     */
    @Test
    void anEventArrivingWhileTheDatabaseIsDownIsAppliedWhenItIsBackNotDeadLettered() throws Exception {
        String name = database.getJdbcUrl().substring(database.getJdbcUrl().lastIndexOf('/') + 1);
        UUID article = UUID.randomUUID();
        refuseConnections(name, true);
        try {
            ArticleFeed.send(ArticleFeed.published(article, 1, true));
            Thread.sleep(15_000); // the binder's 4 attempts, each waiting 2 s for a connection, ended within ~12 s
        } finally {
            refuseConnections(name, false);
        }
        awaitArticleState(article, 200);
        var dead = TopicReader.await(LocalKafka.shared().bootstrapServers(), Topics.ARTICLE_DLT,
                r -> article.toString().equals(r.key()), 1, Duration.ofSeconds(10));
        assertThat(dead).as("dead letters of a good event").isEmpty();
    }

    /** A real refusal by PostgreSQL: no new sessions for the database, and the open ones are cut. */
    private static void refuseConnections(String database, boolean refuse) throws Exception {
        LocalPostgres postgres = LocalPostgres.shared();
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " with allow_connections " + !refuse);
            if (refuse) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }
}
