package io.newsroom.search.web;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.search.freshness.PublishToSearchable;
import io.newsroom.search.support.RealInfraTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What operations and the gateway read: the OpenAPI description and the Prometheus scrape. */
class OperationsIT extends RealInfraTest {

    @Autowired
    PublishToSearchable freshness;

    @Test
    void openApiDescribesTheSearchApiAndTheBearerProtectedRebuild() {
        HttpTestResponse docs = get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.path("/search").path("get").path("parameters").toString())
                .contains("\"q\"", "\"section\"", "\"limit\"", "\"cursor\"").doesNotContain("\"page\"", "\"size\"");
        for (String path : new String[] {"/search", "/latest", "/suggest", "/articles/{id}/related"}) {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("operationId").asString()).as(path).isNotBlank();
            assertThat(get.path("summary").asString()).as(path).isNotBlank();
            // Public: an explicit empty security requirement.
            assertThat(get.path("security").isArray()).as(path).isTrue();
            assertThat(get.path("security")).as(path).isEmpty();
            assertThat(get.path("responses").has("400")).as(path).isTrue();
            assertThat(get.path("responses").path("200").path("content").has("application/json")).as(path).isTrue();
        }
        String schemas = docs.json().path("components").path("schemas").toString();
        assertThat(schemas).contains("\"items\"", "\"nextCursor\"", "\"total\"", "\"facets\"").doesNotContain("articleId");
        assertThat(paths.path("/articles/{id}/related").path("get").path("responses").has("404")).isTrue();
        JsonNode rebuild = paths.path("/admin/index/rebuild").path("post");
        assertThat(rebuild.path("operationId").asString()).isEqualTo("rebuildSearchIndex");
        assertThat(rebuild.path("security").toString()).contains("bearer-jwt");
        assertThat(rebuild.path("responses").has("403")).isTrue();
        assertThat(docs.json().path("servers").get(0).path("url").asString()).isEqualTo("/api/v1");
        JsonNode scheme = docs.json().path("components").path("securitySchemes").path("bearer-jwt");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    }

    @Test
    void freshnessIsAPrometheusHistogramWithTheHalfSecondObjectiveAndPercentiles() throws Exception {
        freshness.searchable(Instant.now().minusMillis(120));

        String scrape = scrape();

        String name = "newsroom_search_publish_to_searchable_seconds";
        assertThat(scrape).contains("# TYPE " + name + " histogram");
        // The SLO bucket: Prometheus can compute the share under 500 ms, and histogram_quantile(0.99, ...) from all buckets.
        assertThat(scrape).containsPattern(name + "_bucket\\{[^}]*le=\"0\\.5\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern(name + "_bucket\\{[^}]*le=\"1\\.0\"");
        assertThat(scrape).containsPattern(name + "_bucket\\{[^}]*le=\"\\+Inf\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern(name + "_count\\{[^}]*} [1-9]");
    }

    @Test
    void thePublicPortServesNoActuator() {
        assertThat(get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(get("/actuator/health").status()).isEqualTo(404);
    }

    private String scrape() {
        HttpTestResponse response = HttpTestClient.loopback(managementPort).get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
