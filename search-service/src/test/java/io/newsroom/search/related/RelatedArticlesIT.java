package io.newsroom.search.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.events.ArticlePublished;
import io.newsroom.search.support.Fixtures;
import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.RealInfraTest;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "More Articles Like This" on the seed page of shared/fixtures. */
class RelatedArticlesIT extends RealInfraTest {

    @Test
    void seedArticleRelatesToTheQassemTeaser() throws Exception {
        JsonNode page = JSON.readTree(Files.readString(Fixtures.dir().resolve("seed-page.json")));
        UUID seedId = UUID.randomUUID();
        UUID teaserId = UUID.randomUUID();
        UUID unrelatedId = UUID.randomUUID();
        indexDirectly(List.of(
                fixture(seedId, page.path("article")),
                fixture(teaserId, page.path("latestNews").get(0)),
                NewsEvents.published(unrelatedId, 1, Copy.of("Bake sale raises funds for library",
                        "The village bake sale raised money for new library books.", "local", List.of("Charity"),
                        Instant.parse("2024-11-21T09:00:00Z")))));

        JsonNode related = get("/articles/" + seedId + "/related?size=5").body().path("articles");

        List<String> ids = new ArrayList<>();
        related.forEach(a -> ids.add(a.path("articleId").asString()));
        assertThat(ids).contains(teaserId.toString()).doesNotContain(seedId.toString(), unrelatedId.toString());
        assertThat(ids).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void shortTeaserFallsBackToSharedTags() throws Exception {
        JsonNode page = JSON.readTree(Files.readString(Fixtures.dir().resolve("seed-page.json")));
        UUID seedId = UUID.randomUUID();
        UUID teaserId = UUID.randomUUID();
        indexDirectly(List.of(fixture(seedId, page.path("article")), fixture(teaserId, page.path("latestNews").get(0))));

        JsonNode related = get("/articles/" + teaserId + "/related").body().path("articles");

        List<String> ids = new ArrayList<>();
        related.forEach(a -> ids.add(a.path("articleId").asString()));
        assertThat(ids).contains(seedId.toString()).doesNotContain(teaserId.toString());
    }

    @Test
    void unknownArticleIsNotFound() {
        var response = get("/articles/" + UUID.randomUUID() + "/related");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static ArticlePublished fixture(UUID id, JsonNode article) {
        List<String> paragraphs = new ArrayList<>();
        article.path("bodyParagraphs").forEach(p -> paragraphs.add(p.asString()));
        List<String> tags = new ArrayList<>();
        article.path("tags").forEach(t -> tags.add(t.asString()));
        String dateline = article.path("dateline").isMissingNode() ? "Beirut" : article.path("dateline").asString();
        Copy copy = new Copy(article.path("headline").asString(), article.path("standfirst").asString(),
                String.join("</p><p>", paragraphs), article.path("section").asString(), tags,
                List.of("Newsroom Staff"), dateline, article.path("mustRead").asBoolean(),
                Instant.parse(article.path("publishedAt").asString()));
        return NewsEvents.published(id, 1, copy);
    }
}
