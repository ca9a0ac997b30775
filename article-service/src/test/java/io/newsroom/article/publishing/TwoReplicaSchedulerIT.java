package io.newsroom.article.publishing;

import io.newsroom.article.ArticleServiceApplication;
import io.newsroom.article.ArticleServiceTest;
import io.newsroom.infra.TopicReader;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleCopy;
import io.newsroom.article.editorial.ArticleCopy.BylineCopy;
import io.newsroom.article.editorial.ArticleCopy.DatelineCopy;
import io.newsroom.article.editorial.ArticleStatus;
import io.newsroom.article.editorial.Editorial;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas of the service on one database: every scheduled article is published exactly once, on time. */
@ArticleServiceTest
class TwoReplicaSchedulerIT {

    @Autowired
    Editorial editorial;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcConnectionDetails database;

    @Test
    void eachScheduledArticleFiresOnceWithinFiveSeconds() throws Exception {
        try (ConfigurableApplicationContext secondReplica = secondReplica()) {
            assertThat(secondReplica.isRunning()).isTrue();
            Instant due = Instant.now().plusSeconds(3);
            List<UUID> scheduled = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Article draft = editorial.createDraft(copy("Scheduled story " + i + " " + UUID.randomUUID()), "alice");
                scheduled.add(editorial.schedule(draft.id(), draft.version(), due, "alice").id());
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (publishedCount(scheduled) < scheduled.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (UUID id : scheduled) {
                Article article = editorial.get(id);
                assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
                assertThat(Duration.between(due, article.publishedAt())).isBetween(Duration.ZERO, Duration.ofSeconds(5));
                List<String> publications = jdbc.sql("select editor from article_revision where article_id = ? and action = 'PUBLISHED'")
                        .param(id).query(String.class).list();
                assertThat(publications).containsExactly(Editorial.SCHEDULER);
            }
            // And on the topic: one news.article.published.v1 per article.
            try (var reader = new TopicReader(LocalKafka.shared().bootstrapServers(), Topics.ARTICLE)) {
                var keys = scheduled.stream().map(Topics::keyFor).toList();
                Map<String, Long> published = reader.await(Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                        .filter(r -> keys.contains(r.key()))
                        .filter(r -> new String(r.headers().lastHeader("ce_type").value()).equals("news.article.published.v1"))
                        .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
                assertThat(published).hasSize(scheduled.size()).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
            }
        }
    }

    private long publishedCount(List<UUID> ids) {
        return ids.stream().filter(id -> editorial.get(id).status() == ArticleStatus.PUBLISHED).count();
    }

    /** The same application again, on the same database and broker, as a second Kubernetes replica would be. */
    private ConfigurableApplicationContext secondReplica() {
        LocalIssuer issuer = LocalIssuer.shared();
        // As command-line arguments: they outrank application.yaml (default properties would not).
        return new SpringApplicationBuilder(ArticleServiceApplication.class).run(Map.of(
                        "server.port", "0",
                        "management.server.port", "0",
                        "spring.datasource.url", database.getJdbcUrl(),
                        "spring.datasource.username", database.getUsername(),
                        "spring.datasource.password", database.getPassword(),
                        "spring.kafka.bootstrap-servers", LocalKafka.shared().bootstrapServers(),
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer(),
                        "newsroom.articles.scheduler-tick", "200ms",
                        "newsroom.outbox.relay.interval", "50ms")
                .entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static ArticleCopy copy(String headline) {
        return new ArticleCopy(headline, "Standfirst", new DatelineCopy("Kyiv", "Europe/Kyiv"),
                List.of(new BylineCopy("Dana Reporter", null)), "<p>Body</p>", "world", List.of("schedule"), null, true, null);
    }
}
