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
        COMMENTS.answer("/api/articles/" + ID + "/comments", """
                {"articleId":"%s","approvedCommentCount":2,"comments":[
                 {"commentId":"c1","authorName":"Dana","body":"Well said.","replies":[]},
                 {"commentId":"c2","authorName":"Avi","body":"Too close to call.","replies":[]}],
                 "nextCursor":null}""".formatted(ID));
        COMMENTS.answer("/api/comment-counts", "{\"counts\":{\"%s\":2}}".formatted(ID));
        SEARCH.answer("/articles/" + ID + "/related", """
                {"articles":[{"id":"a2","slug":"coalition-talks","headline":"Coalition talks begin"}]}""");
    }

    @Test
    void everythingInOneResponseWithTheArticlesCaching() {
        page().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=60, public")
                .expectHeader().valueEquals("Last-Modified", "Wed, 25 Nov 2026 08:00:00 GMT")
                .expectBody()
                .jsonPath("$.article.headline").isEqualTo("Israel votes")
                .jsonPath("$.article.dateline.place").isEqualTo("Jerusalem")
                .jsonPath("$.comments.comments.length()").isEqualTo(2)
                .jsonPath("$.comments.comments[0].authorName").isEqualTo("Dana")
                .jsonPath("$.commentCount").isEqualTo(2)
                .jsonPath("$.related[0].headline").isEqualTo("Coalition talks begin")
                .jsonPath("$.degraded").isEmpty();
        assertThat(COMMENTS.received()).allSatisfy(r -> assertThat(r.header("X-Request-Id")).isNotBlank());
    }

    @Test
    void commentServiceDownGivesTheArticleWithCommentsMarkedDegraded() {
        COMMENTS.stop();

        page().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.article.headline").isEqualTo("Israel votes")
                .jsonPath("$.related[0].slug").isEqualTo("coalition-talks")
                .jsonPath("$.comments").doesNotExist()
                .jsonPath("$.degraded").value(d -> assertThat(d.toString()).contains("comments", "commentCount"));
    }

    @Test
    void searchServiceDownGivesEverythingButRelated() {
        SEARCH.stop();

        page().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.comments.comments.length()").isEqualTo(2)
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
