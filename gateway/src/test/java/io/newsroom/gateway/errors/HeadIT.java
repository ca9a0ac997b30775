package io.newsroom.gateway.errors;

import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

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
}
