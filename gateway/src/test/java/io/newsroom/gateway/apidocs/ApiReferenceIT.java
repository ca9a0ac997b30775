package io.newsroom.gateway.apidocs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defect 7 of issue 11: the gateway's own document follows the API contract (server /api/v1, relative paths,
 * operationId and summary, problem responses, explicit empty security), and the reference page lists all four.
 * The document is written to target/gateway-openapi.json for {@code npx @redocly/cli lint}.
 */
class ApiReferenceIT extends GatewayTestSupport {

    @Test
    void theGatewaysDocumentFollowsTheContract() throws Exception {
        byte[] document = client().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        Files.write(Path.of("target", "gateway-openapi.json"), document);
        JsonNode api = JsonMapper.builder().build().readTree(new String(document, StandardCharsets.UTF_8));

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
    @SuppressWarnings("unchecked")
    void theReferencePageListsAllFourDocuments() {
        client().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(4)
                .jsonPath("$.urls[*].url").value(urls -> assertThat((java.util.List<Object>) urls)
                        .containsExactlyInAnyOrder("/v3/api-docs", "/openapi/article", "/openapi/comment",
                                "/openapi/search"));
    }
}
