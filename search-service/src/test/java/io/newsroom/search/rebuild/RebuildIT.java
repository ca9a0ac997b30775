package io.newsroom.search.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsroom.infra.security.LocalIssuer;
import io.newsroom.search.index.ArticleIndexTestAccess;
import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.RealInfraTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rebuild from the article topic while readers search. Own alias and consumer group, so replacing
 * the index does not disturb the other test classes (whose fixtures are not on the topic).
 */
@TestPropertySource(properties = {
        "newsroom.search.index.alias=rebuild-articles",
        "newsroom.search.index.comment-counts-index=rebuild-comment-counts",
        // A production-like replica count (the one-node test cluster leaves the copies unassigned: yellow, still served).
        "newsroom.search.index.replicas=1",
        "spring.cloud.stream.bindings.articleEvents-in-0.group=search-service-rebuild-it",
        "spring.cloud.stream.bindings.commentEvents-in-0.group=search-service-rebuild-it"})
class RebuildIT extends RealInfraTest {

    @Autowired
    private ElasticsearchClient elasticsearch;

    @Test
    void onlyAdminsMayRebuildAndRefusalsAreProblemDetails() {
        var anonymous = post("/admin/index/rebuild", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
        assertThat(anonymous.json().path("title").asString()).isEqualTo("Authentication required");

        var forged = post("/admin/index/rebuild", "not-a-jwt");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.header("WWW-Authenticate")).contains("invalid_token");

        var editor = post("/admin/index/rebuild", LocalIssuer.shared().token("eddie", "EDITOR"));
        assertThat(editor.status()).isEqualTo(403);
        assertThat(editor.contentType()).startsWith("application/problem+json");
        assertThat(editor.json().path("status").asInt()).isEqualTo(403);
        assertThat(editor.json().path("instance").asString()).isEqualTo("/admin/index/rebuild");
    }

    @Test
    void rebuildMatchesTheTopicAndSearchesNeverFail() throws Exception {
        String word = "rb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID kept = UUID.randomUUID();
        UUID takenDown = UUID.randomUUID();
        for (int i = 0; i < 200; i++) {
            events().publishAsync(NewsEvents.published(UUID.randomUUID(), 1,
                    Copy.of("Bulletin " + i + " " + word, "Filler copy " + i, "world", List.of("Bulletins"), Instant.now())),
                    Instant.now());
        }
        events().publish(NewsEvents.published(kept, 1, Copy.of("Kept story " + word, "Copy", "world", List.of(), Instant.now())));
        events().publish(NewsEvents.updated(kept, 2, Copy.of("Kept story revised " + word, "Copy", "world", List.of(), Instant.now())));
        events().publish(NewsEvents.published(takenDown, 1, Copy.of("Withdrawn story " + word, "Copy", "world", List.of(), Instant.now())));
        events().publish(NewsEvents.unpublished(takenDown, 2));
        eventually(Duration.ofSeconds(30), () -> get("/search?q=" + word).json().path("total").asLong() == 201,
                "all articles consumed");

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (rebuilding.get()) {
                var response = get("/search?q=" + word + "&limit=1");
                searches.incrementAndGet();
                if (response.status() != 200 || response.json().path("total").asLong() != 201) {
                    failed.incrementAndGet();
                }
            }
        });
        var response = post("/admin/index/rebuild", LocalIssuer.shared().token("ada", "ADMIN"));
        rebuilding.set(false);
        reader.join();

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        System.out.println("Rebuild report: " + report);
        System.out.printf("Searches during rebuild: %d, failed: %d%n", searches.get(), failed.get());
        assertThat(report.path("switched").asBoolean()).isTrue();
        assertThat(report.path("check").path("matches").asBoolean()).isTrue();
        assertThat(report.path("check").path("expectedArticles").asLong())
                .isEqualTo(report.path("check").path("indexedArticles").asLong());
        assertThat(report.path("newIndex").asString()).isNotEqualTo(report.path("previousIndex").asString());
        assertThat(searches.get()).isPositive();
        assertThat(failed.get()).isZero();
        JsonNode hits = get("/search?q=" + word + "%20kept").json().path("items");
        assertThat(hits.get(0).path("headline").asString()).isEqualTo("Kept story revised " + word);
        assertThat(get("/articles/" + takenDown + "/related").status()).isEqualTo(404);
        // The replica setting holds for the generation a rebuild creates, not only for the first one.
        assertThat(replicasOf(report.path("newIndex").asString())).isEqualTo("1");
        assertThat(replicasOf("rebuild-comment-counts")).isEqualTo("1");
    }

    private String replicasOf(String index) throws Exception {
        return ArticleIndexTestAccess.replicasOf(elasticsearch, index);
    }
}
