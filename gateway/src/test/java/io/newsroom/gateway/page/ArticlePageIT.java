package io.newsroom.gateway.page;

import java.time.Duration;
import java.util.Map;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page with every backend up, then with each one down (or slow) in turn. */
class ArticlePageIT extends GatewayTestSupport {

    private static final String ID = "5f0c1d2e-0000-4000-8000-000000000001";
    private static final String PAGE = "/api/v1/pages/article/israel-votes";

    @BeforeEach
    void cannedContent() {
        ARTICLES.answer("/articles/israel-votes", 200, """
                {"id":"%s","slug":"israel-votes","headline":"Israel votes","standfirst":"A tight race",
                 "dateline":{"place":"Jerusalem"},"commentsEnabled":true,"version":3}""".formatted(ID),
                Map.of("Cache-Control", "max-age=60, public", "ETag", "\"3\"",
                        "Last-Modified", "Wed, 25 Nov 2026 08:00:00 GMT"));
        ARTICLES.answer("/articles/no-such-story", 404,
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}", Map.of());
        COMMENTS.answer("/articles/" + ID + "/comments", """
                {"items":[
                 {"id":"c1","articleId":"%1$s","authorName":"Dana","body":"Well said.","replies":[]},
                 {"id":"c2","articleId":"%1$s","authorName":"Avi","body":"Too close to call.","replies":[]}],
                 "nextCursor":"b3BhcXVl"}""".formatted(ID));
        COMMENTS.answer("/comment-counts", "{\"counts\":{\"%s\":2}}".formatted(ID));
        SEARCH.answer("/articles/" + ID + "/related", """
                {"items":[{"id":"a2","slug":"coalition-talks","headline":"Coalition talks begin"}],
                 "nextCursor":null}""");
    }

    @Test
    void everythingInOneResponseWithTheArticlesCaching() {
        HttpTestResponse response = page();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Cache-Control")).containsExactly("max-age=60, public");
        assertThat(response.headers("Last-Modified")).containsExactly("Wed, 25 Nov 2026 08:00:00 GMT");
        JsonNode page = response.json();
        assertThat(page.path("article").path("headline").asString()).isEqualTo("Israel votes");
        assertThat(page.path("article").path("dateline").path("place").asString()).isEqualTo("Jerusalem");
        assertThat(page.path("comments").path("items")).hasSize(2);
        assertThat(page.path("comments").path("items").path(0).path("authorName").asString()).isEqualTo("Dana");
        assertThat(page.path("comments").path("nextCursor").asString()).isEqualTo("b3BhcXVl");
        assertThat(page.path("commentCount").asInt()).isEqualTo(2);
        assertThat(page.path("related").path("items").path(0).path("headline").asString()).isEqualTo("Coalition talks begin");
        assertThat(page.path("related").path("nextCursor").isNull()).as("related.nextCursor is null").isTrue();
        assertThat(page.path("degraded")).isEmpty();
        assertThat(COMMENTS.received()).allSatisfy(r -> assertThat(r.header("X-Request-Id")).isNotBlank());
        assertThat(COMMENTS.received()).extracting(r -> r.uri().getPath())
                .containsExactlyInAnyOrder("/articles/" + ID + "/comments", "/comment-counts");
        assertThat(SEARCH.last().uri().getQuery()).isEqualTo("limit=5");
    }

    @Test
    void everyPartIsFetchedWithTheClientsForwardedHeaders() {
        String reader = nextReaderAddress();
        assertThat(client(reader).get(PAGE, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "news.example").status())
                .isEqualTo(200);

        for (var service : new io.newsroom.gateway.support.FakeService[] {ARTICLES, COMMENTS, SEARCH}) {
            assertThat(service.received()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Forwarded-For"))
                        .flatMap(e -> e.getValue().stream()).toList()).containsExactly(reader);
                assertThat(r.header("X-Forwarded-Proto")).isEqualTo("https");
                assertThat(r.header("X-Forwarded-Host")).isEqualTo("news.example");
                assertThat(r.header("X-Forwarded-Port")).isEqualTo("443");
                assertThat(r.header("X-Forwarded-Prefix")).isEqualTo("/api/v1");
            });
        }
    }

    @Test
    void thePageHasAStrongETagAndAnswersIfNoneMatchWith304() {
        HttpTestResponse first = page();
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{24}\"");

        HttpTestResponse notModified = client().get(PAGE, "If-None-Match", "\"other\", " + etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.headers("ETag")).containsExactly(etag);
        assertThat(notModified.headers("Cache-Control")).containsExactly("max-age=60, public");
        assertThat(notModified.body()).isEmpty();
        assertThat(client().get(PAGE, "If-None-Match", "W/" + etag).status()).isEqualTo(304);
    }

    @Test
    void anyChangeInAnyPartIsANewETag() {
        String before = page().header("ETag");
        COMMENTS.answer("/comment-counts", "{\"counts\":{\"%s\":3}}".formatted(ID));

        HttpTestResponse response = client().get(PAGE, "If-None-Match", before);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isNotEqualTo(before);
        assertThat(response.json().path("commentCount").asInt()).isEqualTo(3);
    }

    @Test
    void olderListShapesAreMappedToTheEnvelope() {
        COMMENTS.answer("/articles/" + ID + "/comments", """
                {"comments":[{"id":"c1","authorName":"Dana"}],"nextCursor":null}""");
        SEARCH.answer("/articles/" + ID + "/related", """
                {"articles":[{"articleId":"a2","slug":"coalition-talks"}]}""");

        HttpTestResponse response = page();
        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.path("comments").path("items").path(0).path("authorName").asString()).isEqualTo("Dana");
        assertThat(page.path("related").path("items").path(0).path("id").asString()).isEqualTo("a2");
        assertThat(page.path("related").path("nextCursor").isNull()).as("related.nextCursor is null").isTrue();
    }

    @Test
    void commentServiceDownGivesTheArticleWithCommentsMarkedDegraded() {
        COMMENTS.stop();

        HttpTestResponse response = page();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Cache-Control")).containsExactly("max-age=5");
        assertThat(response.header("ETag")).isNotNull();
        JsonNode page = response.json();
        assertThat(page.path("article").path("headline").asString()).isEqualTo("Israel votes");
        assertThat(page.path("related").path("items").path(0).path("slug").asString()).isEqualTo("coalition-talks");
        JsonNode comments = page.path("comments");
        assertThat(comments.isMissingNode() || comments.isNull()).as("no comments: " + comments).isTrue();
        assertThat(page.path("degraded").toString()).contains("comments", "commentCount");
    }

    @Test
    void searchServiceDownGivesEverythingButRelated() {
        SEARCH.stop();

        HttpTestResponse response = page();
        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.path("comments").path("items")).hasSize(2);
        assertThat(page.path("commentCount").asInt()).isEqualTo(2);
        assertThat(page.path("degraded").path(0).asString()).isEqualTo("related");
        assertThat(page.path("degraded")).hasSize(1);
    }

    @Test
    void slowCommentServiceDoesNotHoldThePageUp() {
        COMMENTS.delay(Duration.ofSeconds(2)); // part timeout is 400 ms in tests
        long started = System.nanoTime();

        HttpTestResponse response = page();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("article").path("headline").asString()).isEqualTo("Israel votes");
        assertThat(response.json().path("degraded").toString()).contains("comments");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void articleServiceDownIsA503ProblemBecauseThereIsNoPageWithoutTheArticle() {
        ARTICLES.stop();

        HttpTestResponse response = page();
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void unknownSlugIsA404Problem() {
        HttpTestResponse response = client().get("/api/v1/pages/article/no-such-story");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.json().path("detail").asString()).isEqualTo("No published article at this slug.");
    }

    @Test
    void anOldSlugRedirectsToThePageAtTheNewOne() {
        // article-service answers an old slug with 301 and the article's gateway URL (no body)
        ARTICLES.answer("/articles/early-israel-votes", 301, "",
                Map.of("Location", "http://news.example/api/v1/articles/israel-votes", "Cache-Control", "max-age=60, public"));

        HttpTestResponse response = client().get("/api/v1/pages/article/early-israel-votes");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.headers("Location")).containsExactly("http://news.example/api/v1/pages/article/israel-votes");
        assertThat(response.headers("Cache-Control")).containsExactly("max-age=60, public");
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void malformedSlugIsA400Problem() {
        HttpTestResponse response = client().get("/api/v1/pages/article/Not_A_Slug");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        JsonNode error = response.json().path("errors").path(0);
        assertThat(error.path("field").asString()).isEqualTo("slug");
        assertThat(error.path("message").asString()).isEqualTo("is not an article slug");
    }

    private HttpTestResponse page() {
        return client().get(PAGE);
    }
}
