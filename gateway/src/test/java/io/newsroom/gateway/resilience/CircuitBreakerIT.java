package io.newsroom.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * search-service down: fast 503 + Retry-After; after 4 failed calls the breaker opens (test settings: window 4,
 * open for 1 s) and answers without trying; once the service is back a trial call closes it again.
 */
class CircuitBreakerIT extends GatewayTestSupport {

    @Test
    void serviceDownIsAFast503WithRetryAfter() {
        SEARCH.stop();
        long started = System.nanoTime();

        client().get().uri("/api/v1/search?q=election").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("search-service"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAndClosesWhenTheServiceIsBack() {
        // One call first: the route creates its breaker with the configured settings. Asked for before that, the registry
        // would make one with Resilience4j's defaults (100 calls), which never opens here (the class failed run alone).
        client().get().uri("/api/v1/search?q=election").exchange().expectStatus().isOk();
        SEARCH.reset();
        breaker().reset(); // the context (and its breakers) is shared with other test classes: start from CLOSED
        SEARCH.stop();
        for (int i = 0; i < 4; i++) {
            client().get().uri("/api/v1/search?q=election").exchange().expectStatus().isEqualTo(503);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        SEARCH.start();
        client().get().uri("/api/v1/search?q=election").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After");
        assertThat(SEARCH.received()).as("an open breaker does not even try").isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client().get().uri("/api/v1/search?q=election").exchange().expectStatus().isOk());
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void slowServiceIsA504AfterTheRouteTimeout() {
        SEARCH.delay(Duration.ofMillis(1500)); // search route timeout is 1 s in tests
        long started = System.nanoTime();

        client().get().uri("/api/v1/suggest?prefix=ele").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void aBrokenConnectionIsRetriedForReadsOnlyAndAServicesOwn503IsPassedOnAtOnce() {
        SEARCH.answer("/suggest", 502, "{}", java.util.Map.of());
        try {
            client().get().uri("/api/v1/suggest?prefix=ele").exchange().expectStatus().isEqualTo(502);
            assertThat(SEARCH.received()).as("GET tried 1 + 2 retries").hasSize(3);

            SEARCH.reset();
            SEARCH.answer("/suggest", 503, "{\"type\":\"https://newsroom.example/problems/unavailable\",\"status\":503}",
                    java.util.Map.of("Content-Type", "application/problem+json", "Retry-After", "1"));
            client().get().uri("/api/v1/suggest?prefix=ele").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1");
            assertThat(SEARCH.received()).as("the service said it is unavailable: asked once").hasSize(1);

            SEARCH.reset();
            SEARCH.answer("/admin/index/rebuild", 502, "{}", java.util.Map.of());
            client().post().uri("/api/v1/admin/index/rebuild")
                    .headers(h -> h.setBearerAuth(io.newsroom.infra.security.LocalIssuer.shared().token("root", "ADMIN")))
                    .exchange().expectStatus().isEqualTo(502);
            assertThat(SEARCH.received()).as("POST is never retried").hasSize(1);
        } finally {
            SEARCH.answer("/suggest", "{\"suggestions\":[]}");
            SEARCH.answer("/admin/index/rebuild", "{}");
        }
    }

    private CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker("search");
    }
}
