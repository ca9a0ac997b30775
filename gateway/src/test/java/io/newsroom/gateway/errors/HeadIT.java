package io.newsroom.gateway.errors;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 5 of issue 11: HEAD answers like GET (status and headers), without a body. */
class HeadIT extends GatewayTestSupport {

    @Test
    void headOnAPublicListIsLikeGetWithoutABody() {
        client().head().uri("/api/v1/articles?limit=1").exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectHeader().exists("RateLimit-Limit")
                .expectBody().isEmpty();

        assertThat(ARTICLES.last().method()).isEqualTo("HEAD");
        assertThat(ARTICLES.last().uri().getQuery()).isEqualTo("limit=1");
    }

    @Test
    void headOnEveryServicesPublicReadPasses() {
        client().head().uri("/api/v1/articles/a1b2/comments").exchange().expectStatus().isOk();
        client().head().uri("/api/v1/search?q=x").exchange().expectStatus().isOk();
        assertThat(COMMENTS.last().method()).isEqualTo("HEAD");
        assertThat(SEARCH.last().method()).isEqualTo("HEAD");
    }

    @Test
    void headOnAnUnknownPathIsA404WithoutABody() {
        client().head().uri("/api/v1/horoscopes").exchange()
                .expectStatus().isNotFound()
                .expectBody().isEmpty();
    }

    @Test
    void headStillNeedsARoleWhereGetDoes() {
        client().head().uri("/api/v1/moderation/queues/held").exchange().expectStatus().isUnauthorized();
        assertThat(COMMENTS.received()).isEmpty();
    }

    /** Found by the platform fuzz: refusals made below Spring (Netty's 431, the request-target checks) lost their Content-Type on HEAD. */
    @Test
    void headRefusalsCarryTheSameStatusAndContentTypeAsGetWithoutABody() {
        Map<String, String> hugeHead = Map.of("X-Padding", "p".repeat(40 * 1024));
        for (String target : new String[] {"/api/v1/articles//x", "/api/v1/articles/%2F"}) {
            assertHeadLikeGet(target, Map.of("X-Forwarded-For", nextReaderAddress()));
        }
        assertHeadLikeGet("/api/v1/articles/israel-votes", hugeHead);
        assertHeadLikeGet("/api/v1/search?q=" + "x".repeat(20 * 1024), Map.of());
        assertThat(ARTICLES.received()).isEmpty();
    }

    private void assertHeadLikeGet(String target, Map<String, String> headers) {
        RawHttp.Response get = RawHttp.send(port, "GET", target, headers);
        RawHttp.Response head = RawHttp.send(port, "HEAD", target, headers);

        assertThat(get.status()).as("GET " + target).isBetween(400, 499);
        assertThat(head.status()).as("HEAD " + target).isEqualTo(get.status());
        assertThat(head.header("Content-Type")).as("HEAD " + target + ", GET answered " + get.headers() + " " + get.body() + ", HEAD " + head.headers()).isEqualTo("application/problem+json");
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
    }
}
