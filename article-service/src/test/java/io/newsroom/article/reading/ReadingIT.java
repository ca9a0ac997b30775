package io.newsroom.article.reading;

import io.newsroom.article.Api;
import io.newsroom.article.ArticleServiceTest;
import io.newsroom.article.Drafts;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@ArticleServiceTest
class ReadingIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** Creates and publishes; returns the published article as the editor API shows it. */
    private HttpTestResponse publish(Map<String, Object> copy) {
        HttpTestResponse draft = api.edit("POST", "/editor/articles", copy, "alice", null);
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        HttpTestResponse published = api.edit("POST", "/editor/articles/" + draft.json().get("id").asString() + "/publish", null, "alice", draft.header("ETag"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published;
    }

    @Test
    void articlePagesAreCacheableAndConditional() {
        HttpTestResponse published = publish(Drafts.copy("Cacheable " + UUID.randomUUID()));
        String slug = published.json().get("slug").asString();

        HttpTestResponse page = api.get("/articles/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("ETag")).isEqualTo(published.header("ETag"));
        assertThat(page.header("Last-Modified")).isNotBlank();
        assertThat(page.header("Cache-Control")).contains("max-age=60", "public");
        JsonNode article = page.json();
        assertThat(article.get("headline").asString()).startsWith("Cacheable");
        assertThat(article.get("dateline").get("timeZone").asString()).isEqualTo("Asia/Jerusalem");
        assertThat(article.has("status")).as("workflow fields stay inside").isFalse();

        HttpTestResponse notModified = api.get("/articles/" + slug, "If-None-Match", page.header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(page.header("ETag"));
        assertThat(api.get("/articles/" + slug, "If-Modified-Since", page.header("Last-Modified")).status()).isEqualTo(304);

        // After an edit the old ETag no longer matches.
        HttpTestResponse edited = api.edit("PUT", "/editor/articles/" + article.get("id").asString(),
                Drafts.copy("Cacheable, updated " + UUID.randomUUID()), "alice", published.header("ETag"));
        HttpTestResponse fresh = api.get("/articles/" + slug, "If-None-Match", page.header("ETag"));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isEqualTo(edited.header("ETag"));
    }

    @Test
    void latestNewsPagesHaveNoGapsOrRepeatsWhileArticlesArePublished() throws Exception {
        String tag = "paging-" + UUID.randomUUID();
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            before.add(publish(Drafts.copy("Paging " + i + " " + UUID.randomUUID(), "science", List.of(tag))).json().get("id").asString());
        }
        var stop = new AtomicBoolean();
        Thread publisher = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 15 && !stop.get(); i++) {
                publish(Drafts.copy("Paging, meanwhile " + i + " " + UUID.randomUUID(), "science", List.of(tag)));
            }
        });
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpTestResponse page = api.get("/articles?tag=" + tag + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode body = page.json();
            body.get("items").forEach(item -> {
                seen.add(item.get("id").asString());
                assertThat(item.get("section").asString()).isEqualTo("science");
                assertThat(item.get("standfirst").asString()).isNotBlank();
                assertThat(item.get("heroImage").get("url").asString()).startsWith("https://");
            });
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asString();
            Thread.sleep(20);
        } while (cursor != null);
        stop.set(true);
        publisher.join();

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(before);
    }

    @Test
    void latestNewsIsNewestFirstAndFilters() {
        String tag = "filter-" + UUID.randomUUID();
        var byAuthor = Drafts.copy("By Ruth " + UUID.randomUUID(), "business", List.of(tag));
        byAuthor.put("byline", List.of(Map.of("name", "Ruth Writer", "slug", "ruth-writer")));
        String first = publish(Drafts.copy("First " + UUID.randomUUID(), "world", List.of(tag))).json().get("id").asString();
        String second = publish(byAuthor).json().get("id").asString();

        assertThat(ids(api.get("/articles?tag=" + tag))).containsExactly(second, first);
        assertThat(ids(api.get("/articles?tag=" + tag.toUpperCase() + "&section=world"))).containsExactly(first);
        assertThat(ids(api.get("/articles?tag=" + tag + "&author=ruth-writer"))).containsExactly(second);
    }

    @Test
    void badPagingParametersAre400() {
        HttpTestResponse tooMany = api.get("/articles?limit=101");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(api.get("/articles?limit=0").status()).isEqualTo(400);
        HttpTestResponse badCursor = api.get("/articles?cursor=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void mustReadIsAnOrderedListOfUnexpiredPicks() throws Exception {
        String a = publish(Drafts.copy("Pick A " + UUID.randomUUID())).json().get("id").asString();
        String b = publish(Drafts.copy("Pick B " + UUID.randomUUID())).json().get("id").asString();
        HttpTestResponse draft = api.edit("POST", "/editor/articles", Drafts.copy("Not yet " + UUID.randomUUID()), "alice", null);

        HttpTestResponse invalid = api.edit("PUT", "/editor/must-read", Map.of("picks", List.of(
                Map.of("articleId", draft.json().get("id").asString(), "expiresAt", Instant.now().plusSeconds(600).toString()))), "alice", null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("picks[0].articleId");

        HttpTestResponse set = api.edit("PUT", "/editor/must-read", Map.of("picks", List.of(
                Map.of("articleId", b, "expiresAt", Instant.now().plusSeconds(600).toString()),
                Map.of("articleId", a, "expiresAt", Instant.now().plusSeconds(2).toString()))), "alice", null);
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        assertThat(ids(api.get("/articles/must-read"))).containsExactly(b, a);
        // editors see the same order with what they need to send the list back whole: expiries and who picked
        HttpTestResponse desk = api.edit("GET", "/editor/must-read", null, "bob", null);
        assertThat(desk.status()).isEqualTo(200);
        assertThat(desk.json().get("items").get(0).get("articleId").asString()).isEqualTo(b);
        assertThat(desk.json().get("items").get(0).get("headline").asString()).startsWith("Pick B");
        assertThat(desk.json().get("items").get(0).get("pickedBy").asString()).isEqualTo("alice");
        assertThat(desk.json().get("items").get(1).get("expiresAt").asString()).isNotBlank();
        assertThat(api.get("/editor/must-read").status()).as("anonymous").isEqualTo(401);

        // A pick is part of the article's public state: it gets a new version.
        assertThat(api.edit("GET", "/editor/articles/" + a, null, "alice", null).header("ETag")).isEqualTo("\"3\"");

        Thread.sleep(3_000);
        assertThat(ids(api.get("/articles/must-read"))).containsExactly(b);
    }

    @Test
    void batchLookupReturnsPublishedArticlesInTheOrderAsked() {
        String a = publish(Drafts.copy("Lookup A " + UUID.randomUUID())).json().get("id").asString();
        String b = publish(Drafts.copy("Lookup B " + UUID.randomUUID())).json().get("id").asString();
        String draft = api.edit("POST", "/editor/articles", Drafts.copy("Lookup draft " + UUID.randomUUID()), "alice", null)
                .json().get("id").asString();
        HttpTestResponse found = api.get("/articles/lookup?ids=" + b + "," + draft + "," + UUID.randomUUID() + "," + a);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        found.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(found.json().get("nextCursor").isNull()).isTrue();
        assertThat(ids).containsExactly(b, a);
    }

    private static List<String> ids(HttpTestResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        var ids = new ArrayList<String>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
