package io.newsroom.gateway.apidocs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect 7 of issue 11: the gateway's own document follows the API contract (server /api/v1, relative paths,
 * operationId and summary, problem responses, explicit empty security), and the reference page lists all four.
 * The document is written to target/gateway-openapi.json for {@code npx @redocly/cli lint}.
 */
class ApiReferenceIT extends GatewayTestSupport {

    @Test
    void theGatewaysDocumentFollowsTheContract() throws Exception {
        HttpTestResponse response = client().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        Files.write(Path.of("target", "gateway-openapi.json"), response.body().getBytes(StandardCharsets.UTF_8));
        JsonNode api = response.json();

        assertThat(api.path("servers")).hasSize(1);
        assertThat(api.path("servers").get(0).path("url").asString()).isEqualTo("/api/v1");
        assertThat(api.path("paths").propertyNames()).containsExactly("/pages/article/{slug}");
        JsonNode get = api.path("paths").path("/pages/article/{slug}").path("get");
        assertThat(get.path("operationId").asString()).isEqualTo("getArticlePage");
        assertThat(get.path("summary").asString()).isNotBlank();
        assertThat(get.path("security").isArray()).isTrue();
        assertThat(get.path("security")).isEmpty();
        for (String status : new String[] {"400", "404", "410", "429", "503"}) {
            assertThat(get.path("responses").path(status).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asString()).as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").has("type")).isTrue();
        assertThat(api.path("components").path("schemas").has("JsonNode")).isFalse();
        assertThat(api.path("components").path("schemas").path("ArticlePage").path("properties").path("related")
                .path("oneOf").toString()).contains("#/components/schemas/ListEnvelope");
    }

    @Test
    void theReferencePageListsAllFourDocuments() {
        HttpTestResponse response = client().get("/v3/api-docs/swagger-config");
        assertThat(response.status()).isEqualTo(200);
        JsonNode urls = response.json().path("urls");
        assertThat(urls).hasSize(4);
        assertThat(urls.valueStream().map(url -> url.path("url").asString()))
                .containsExactlyInAnyOrder("/v3/api-docs", "/openapi/article", "/openapi/comment", "/openapi/search");
    }
}
