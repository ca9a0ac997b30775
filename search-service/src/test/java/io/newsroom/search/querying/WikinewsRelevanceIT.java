package io.newsroom.search.querying;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.events.ArticlePublished;
import io.newsroom.search.support.Fixtures;
import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.RealInfraTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Relevance sanity on 305 real Wikinews articles: searching for an article's headline finds that
 * article first. Every headline is tried; the hit rate is printed and must stay at least 95%
 * (identical or near-identical headlines in the corpus make 100% unreachable by design).
 */
class WikinewsRelevanceIT extends RealInfraTest {

    @Test
    void headlineQueryReturnsThatArticleFirst() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.dir().resolve("wikinews/news.jsonl"));
        Map<String, String> headlineById = new HashMap<>();
        List<ArticlePublished> articles = new ArrayList<>();
        for (String line : lines) {
            JsonNode row = JSON.readTree(line);
            UUID id = UUID.nameUUIDFromBytes(row.path("id").asString().getBytes(StandardCharsets.UTF_8));
            List<String> tags = new ArrayList<>();
            row.path("tags").forEach(t -> tags.add(t.asString()));
            String body = row.path("body").asString();
            String byline = row.path("byline").isNull() ? "Wikinews" : row.path("byline").asString();
            articles.add(NewsEvents.published(id, 1, new Copy(row.path("headline").asString(),
                    row.path("summary").asString(), body, row.path("section").asString(), tags,
                    List.of(byline), "Wikinews", false, Instant.parse(row.path("published_at").asString()))));
            headlineById.put(id.toString(), row.path("headline").asString());
        }
        indexDirectly(articles);

        int first = 0;
        List<String> misses = new ArrayList<>();
        for (var entry : headlineById.entrySet()) {
            JsonNode hits = get("/search?limit=3&q=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                    .body().path("items");
            if (hits.size() > 0 && entry.getKey().equals(hits.get(0).path("id").asString())) {
                first++;
            } else {
                misses.add(entry.getValue() + " -> " + (hits.size() > 0 ? hits.get(0).path("headline").asString() : "nothing"));
            }
        }
        double rate = 100.0 * first / headlineById.size();
        System.out.printf("Wikinews headline relevance: %d/%d first (%.1f%%)%n", first, headlineById.size(), rate);
        misses.forEach(miss -> System.out.println("  miss: " + miss));
        assertThat(headlineById).hasSize(305);
        assertThat(rate).isGreaterThanOrEqualTo(95.0);
    }
}
