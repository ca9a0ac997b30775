package io.newsroom.gateway.errors;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 5 of issue 11: HEAD answers like GET (status and headers), without a body. */
class HeadIT extends GatewayTestSupport {

    @Test
    void headOnAPublicListIsLikeGetWithoutABody() {
        HttpTestResponse response = client().head("/api/v1/articles?limit=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isNotNull();
        assertThat(response.header("RateLimit-Limit")).isNotNull();
        assertThat(response.body()).isEmpty();

        assertThat(ARTICLES.last().method()).isEqualTo("HEAD");
        assertThat(ARTICLES.last().uri().getQuery()).isEqualTo("limit=1");
    }

    @Test
    void headOnEveryServicesPublicReadPasses() {
        assertThat(client().head("/api/v1/articles/a1b2/comments").status()).isEqualTo(200);
        assertThat(client().head("/api/v1/search?q=x").status()).isEqualTo(200);
        assertThat(COMMENTS.last().method()).isEqualTo("HEAD");
        assertThat(SEARCH.last().method()).isEqualTo("HEAD");
    }

    @Test
    void headOnAnUnknownPathIsA404WithoutABody() {
        HttpTestResponse response = client().head("/api/v1/horoscopes");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void headStillNeedsARoleWhereGetDoes() {
        assertThat(client().head("/api/v1/moderation/queues/held").status()).isEqualTo(401);
        assertThat(COMMENTS.received()).isEmpty();
    }

    /** Found by the platform fuzz: refusals made below Spring (Netty's 431, the request-target checks) lost their Content-Type on HEAD. */
    @Test
    void headRefusalsCarryTheSameStatusAndContentTypeAsGetWithoutABody() {
        String[] hugeHead = {"X-Padding", "p".repeat(40 * 1024)};
        for (String target : new String[] {"/api/v1/articles//x", "/api/v1/articles/%2F"}) {
            assertHeadLikeGet(target, "X-Forwarded-For", nextReaderAddress());
        }
        assertHeadLikeGet("/api/v1/articles/israel-votes", hugeHead);
        assertHeadLikeGet("/api/v1/search?q=" + "x".repeat(20 * 1024));
        assertThat(ARTICLES.received()).isEmpty();
    }

    private void assertHeadLikeGet(String target, String... headers) {
        HttpTestClient http = HttpTestClient.loopback(port);
        HttpTestResponse get = http.get(target, headers);
        HttpTestResponse head = http.head(target, headers);

        assertThat(get.status()).as("GET " + target).isBetween(400, 499);
        assertThat(head.status()).as("HEAD " + target).isEqualTo(get.status());
        assertThat(head.header("Content-Type")).as("HEAD " + target + ", GET answered " + get.headers() + " " + get.body() + ", HEAD " + head.headers()).isEqualTo("application/problem+json");
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
    }
}
