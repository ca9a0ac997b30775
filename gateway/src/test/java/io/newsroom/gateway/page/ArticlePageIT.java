package io.newsroom.gateway.page;

import java.time.Duration;
import java.util.Map;

import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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
        page().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=60, public")
                .expectHeader().valueEquals("Last-Modified", "Wed, 25 Nov 2026 08:00:00 GMT")
                .expectBody()
                .jsonPath("$.article.headline").isEqualTo("Israel votes")
                .jsonPath("$.article.dateline.place").isEqualTo("Jerusalem")
                .jsonPath("$.comments.items.length()").isEqualTo(2)
                .jsonPath("$.comments.items[0].authorName").isEqualTo("Dana")
                .jsonPath("$.comments.nextCursor").isEqualTo("b3BhcXVl")
                .jsonPath("$.commentCount").isEqualTo(2)
                .jsonPath("$.related.items[0].headline").isEqualTo("Coalition talks begin")
                .jsonPath("$.related.nextCursor").isEqualTo(null)
                .jsonPath("$.degraded").isEmpty();
        assertThat(COMMENTS.received()).allSatisfy(r -> assertThat(r.header("X-Request-Id")).isNotBlank());
        assertThat(COMMENTS.received()).extracting(r -> r.uri().getPath())
                .containsExactlyInAnyOrder("/articles/" + ID + "/comments", "/comment-counts");
        assertThat(SEARCH.last().uri().getQuery()).isEqualTo("limit=5");
    }

    @Test
    void everyPartIsFetchedWithTheClientsForwardedHeaders() {
        String reader = nextReaderAddress();
        client(reader).get().uri(PAGE).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "news.example")
                .exchange().expectStatus().isOk();

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
        String etag = page().expectStatus().isOk()
                .expectHeader().value("ETag", v -> assertThat(v).matches("\"[A-Za-z0-9_-]{24}\""))
                .returnResult(String.class).getResponseHeaders().getETag();

        client().get().uri(PAGE).header("If-None-Match", "\"other\", " + etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", etag)
                .expectHeader().valueEquals("Cache-Control", "max-age=60, public")
                .expectBody().isEmpty();
        client().get().uri(PAGE).header("If-None-Match", "W/" + etag).exchange().expectStatus().isNotModified();
    }

    @Test
    void anyChangeInAnyPartIsANewETag() {
        String before = page().returnResult(String.class).getResponseHeaders().getETag();
        COMMENTS.answer("/comment-counts", "{\"counts\":{\"%s\":3}}".formatted(ID));

        client().get().uri(PAGE).header("If-None-Match", before).exchange()
                .expectStatus().isOk()
                .expectHeader().value("ETag", v -> assertThat(v).isNotEqualTo(before))
                .expectBody().jsonPath("$.commentCount").isEqualTo(3);
    }

    @Test
    void olderListShapesAreMappedToTheEnvelope() {
        COMMENTS.answer("/articles/" + ID + "/comments", """
                {"comments":[{"id":"c1","authorName":"Dana"}],"nextCursor":null}""");
        SEARCH.answer("/articles/" + ID + "/related", """
                {"articles":[{"articleId":"a2","slug":"coalition-talks"}]}""");

        page().expectStatus().isOk().expectBody()
                .jsonPath("$.comments.items[0].authorName").isEqualTo("Dana")
                .jsonPath("$.related.items[0].id").isEqualTo("a2")
                .jsonPath("$.related.nextCursor").isEqualTo(null);
    }

    @Test
    void commentServiceDownGivesTheArticleWithCommentsMarkedDegraded() {
        COMMENTS.stop();

        page().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=5")
                .expectHeader().exists("ETag")
                .expectBody()
                .jsonPath("$.article.headline").isEqualTo("Israel votes")
                .jsonPath("$.related.items[0].slug").isEqualTo("coalition-talks")
                .jsonPath("$.comments").doesNotExist()
                .jsonPath("$.degraded").value(d -> assertThat(d.toString()).contains("comments", "commentCount"));
    }

    @Test
    void searchServiceDownGivesEverythingButRelated() {
        SEARCH.stop();

        page().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.comments.items.length()").isEqualTo(2)
                .jsonPath("$.commentCount").isEqualTo(2)
                .jsonPath("$.degraded[0]").isEqualTo("related")
                .jsonPath("$.degraded.length()").isEqualTo(1);
    }

    @Test
    void slowCommentServiceDoesNotHoldThePageUp() {
        COMMENTS.delay(Duration.ofSeconds(2)); // part timeout is 400 ms in tests
        long started = System.nanoTime();

        page().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.article.headline").isEqualTo("Israel votes")
                .jsonPath("$.degraded").value(d -> assertThat(d.toString()).contains("comments"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void articleServiceDownIsA503ProblemBecauseThereIsNoPageWithoutTheArticle() {
        ARTICLES.stop();

        page().expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void unknownSlugIsA404Problem() {
        client().get().uri("/api/v1/pages/article/no-such-story").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No published article at this slug.");
    }

    @Test
    void anOldSlugRedirectsToThePageAtTheNewOne() {
        // article-service answers an old slug with 301 and the article's gateway URL (no body)
        ARTICLES.answer("/articles/early-israel-votes", 301, "",
                Map.of("Location", "http://news.example/api/v1/articles/israel-votes", "Cache-Control", "max-age=60, public"));

        client().get().uri("/api/v1/pages/article/early-israel-votes").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().valueEquals("Location", "http://news.example/api/v1/pages/article/israel-votes")
                .expectHeader().valueEquals("Cache-Control", "max-age=60, public");
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void malformedSlugIsA400Problem() {
        client().get().uri("/api/v1/pages/article/Not_A_Slug").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("slug")
                .jsonPath("$.errors[0].message").isEqualTo("is not an article slug");
    }

    private WebTestClient.ResponseSpec page() {
        return client().get().uri(PAGE).exchange();
    }
}
