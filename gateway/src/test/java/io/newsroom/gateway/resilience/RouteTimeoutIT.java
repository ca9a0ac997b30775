package io.newsroom.gateway.resilience;

import java.time.Duration;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's response timeout is the one time limit of a proxied call: an operator who gives a route more time
 * ({@code NEWSROOM_GATEWAY_TIMEOUTS_ARTICLE}) gets it. The circuit breaker adds no shorter limit of its own; it had one
 * (4 s), so a route given 6 s still answered a 4.5 s call with 504 at 4 s.
 */
@TestPropertySource(properties = "newsroom.gateway.timeouts.article=6000")
class RouteTimeoutIT extends GatewayTestSupport {

    @Test
    void aRouteGivenMoreTimeGetsItWholeAndTheBreakerDoesNotCutItShort() {
        ARTICLES.delay(Duration.ofMillis(4500));
        try {
            HttpTestResponse response = client().get("/api/v1/articles/a-slow-story");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("path").asString()).isEqualTo("/articles/a-slow-story");
        } finally {
            ARTICLES.reset();
        }
    }
}
