package io.newsroom.search.support;

import io.newsroom.events.ArticlePublished;
import io.newsroom.search.support.NewsEvents.Copy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 305 Wikinews articles of {@code fixtures/wikinews/news.jsonl} as publish events (ids derived from the rows). */
public final class WikinewsCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WikinewsCorpus() {
    }

    public static List<ArticlePublished> articles() {
        try {
            List<ArticlePublished> articles = new ArrayList<>();
            for (String line : Files.readAllLines(Fixtures.dir().resolve("wikinews/news.jsonl"))) {
                JsonNode row = JSON.readTree(line);
                UUID id = UUID.nameUUIDFromBytes(row.path("id").asString().getBytes(StandardCharsets.UTF_8));
                List<String> tags = new ArrayList<>();
                row.path("tags").forEach(t -> tags.add(t.asString()));
                String byline = row.path("byline").isNull() ? "Wikinews" : row.path("byline").asString();
                articles.add(NewsEvents.published(id, 1, new Copy(row.path("headline").asString(),
                        row.path("summary").asString(), row.path("body").asString(), row.path("section").asString(),
                        tags, List.of(byline), "Wikinews", false, Instant.parse(row.path("published_at").asString()))));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
