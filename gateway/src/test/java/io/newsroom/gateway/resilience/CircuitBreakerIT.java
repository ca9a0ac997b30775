package io.newsroom.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;

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

        HttpTestResponse response = client().get("/api/v1/search?q=election");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers("Retry-After")).containsExactly("7");
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.json().path("detail").asString()).contains("search-service");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAndClosesWhenTheServiceIsBack() {
        // One call first: the route creates its breaker with the configured settings. Asked for before that, the registry
        // would make one with Resilience4j's defaults (100 calls), which never opens here (the class failed run alone).
        assertThat(client().get("/api/v1/search?q=election").status()).isEqualTo(200);
        SEARCH.reset();
        breaker().reset(); // the context (and its breakers) is shared with other test classes: start from CLOSED
        SEARCH.stop();
        for (int i = 0; i < 4; i++) {
            assertThat(client().get("/api/v1/search?q=election").status()).isEqualTo(503);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        SEARCH.start();
        HttpTestResponse open = client().get("/api/v1/search?q=election");
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.header("Retry-After")).isNotNull();
        assertThat(SEARCH.received()).as("an open breaker does not even try").isEmpty();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(client().get("/api/v1/search?q=election").status()).isEqualTo(200));
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void slowServiceIsA504AfterTheRouteTimeout() {
        SEARCH.delay(Duration.ofMillis(1500)); // search route timeout is 1 s in tests
        long started = System.nanoTime();

        HttpTestResponse response = client().get("/api/v1/suggest?prefix=ele");
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void aBrokenConnectionIsRetriedForReadsOnlyAndAServicesOwn503IsPassedOnAtOnce() {
        SEARCH.answer("/suggest", 502, "{}", java.util.Map.of());
        try {
            assertThat(client().get("/api/v1/suggest?prefix=ele").status()).isEqualTo(502);
            assertThat(SEARCH.received()).as("GET tried 1 + 2 retries").hasSize(3);

            SEARCH.reset();
            SEARCH.answer("/suggest", 503, "{\"type\":\"https://newsroom.example/problems/unavailable\",\"status\":503}",
                    java.util.Map.of("Content-Type", "application/problem+json", "Retry-After", "1"));
            HttpTestResponse unavailable = client().get("/api/v1/suggest?prefix=ele");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.headers("Retry-After")).containsExactly("1");
            assertThat(SEARCH.received()).as("the service said it is unavailable: asked once").hasSize(1);

            SEARCH.reset();
            SEARCH.answer("/admin/index/rebuild", 502, "{}", java.util.Map.of());
            assertThat(client().withBearer(io.newsroom.infra.security.LocalIssuer.shared().token("root", "ADMIN"))
                    .post("/api/v1/admin/index/rebuild", null).status()).isEqualTo(502);
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
