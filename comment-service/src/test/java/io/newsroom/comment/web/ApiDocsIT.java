package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the gateway aggregates: complete, secured where it must be, and free of emails. */
class ApiDocsIT extends IntegrationTest {

    @Test
    void theDocumentIsOpenApi31AndDescribesPosting() {
        JsonNode docs = docs();
        assertThat(docs.get("openapi").asString()).startsWith("3.1");
        assertThat(docs.get("paths").get("/articles/{articleId}/comments").has("post")).isTrue();
        assertThat(docs.get("paths").get("/comment-counts").has("get")).isTrue();
    }

    @Test
    void moderatorEndpointsNeedTheBearerSchemeAndReaderEndpointsDoNot() {
        JsonNode docs = docs();
        JsonNode scheme = docs.get("components").get("securitySchemes").get("bearer-jwt");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");

        List<String> moderatorOperations = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            boolean secured = operation.getValue().path("security").toString().contains("bearer-jwt");
            if (path.getKey().startsWith("/moderation/")) {
                moderatorOperations.add(operation.getKey() + " " + path.getKey());
                assertThat(secured).as(operation.getKey() + " " + path.getKey()).isTrue();
            } else {
                assertThat(secured).as(operation.getKey() + " " + path.getKey()).isFalse();
            }
        }));
        assertThat(moderatorOperations).contains("get /moderation/queues/{queue}",
                "post /moderation/comments/{commentId}/decisions");
    }

    @Test
    void noPublicResponseSchemaHasAnEmailField() {
        JsonNode docs = docs();
        List<String> publicFields = new ArrayList<>();
        List<String> moderatorFields = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").forEach(response -> response.path("content").forEach(
                        media -> collectFields(docs, media.path("schema"), new HashSet<>(),
                                path.getKey().startsWith("/moderation/") ? moderatorFields : publicFields)))));

        assertThat(publicFields).contains("id", "articleId", "bodyHtml", "formToken")
                .noneMatch(field -> field.toLowerCase().contains("email"));
        // The walk does see emails where they belong, so the check above is not vacuous.
        assertThat(moderatorFields).contains("authorEmail");
    }

    private JsonNode docs() {
        var response = get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return json(response);
    }

    /** Every property name reachable from a schema, following $ref, items, maps and compositions. */
    private static void collectFields(JsonNode docs, JsonNode schema, Set<String> seen, List<String> fields) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (seen.add(ref)) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                collectFields(docs, docs.get("components").get("schemas").get(name), seen, fields);
            }
            return;
        }
        schema.path("properties").properties().forEach(property -> {
            fields.add(property.getKey());
            collectFields(docs, property.getValue(), seen, fields);
        });
        collectFields(docs, schema.path("items"), seen, fields);
        if (schema.path("additionalProperties").isObject()) {
            collectFields(docs, schema.get("additionalProperties"), seen, fields);
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(composition).forEach(part -> collectFields(docs, part, seen, fields));
        }
    }
}
