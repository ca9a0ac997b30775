package io.newsroom.gateway.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsroom.gateway.forwarding.ForwardedHeaders;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document (the article page), on the contract every service follows: server
 * {@code /api/v1} with paths relative to it, an explicit empty security on its (public) operations, and problem+json responses with the {@code Problem} schema. The services' documents are
 * routed in at {@code /openapi/{service}} and listed next to it on {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class ApiReference {

    static final String PROBLEM = "Problem";
    static final String ENVELOPE = "ListEnvelope";
    static final String ARTICLE_PAGE = "ArticlePage";

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info().title("Newsroom gateway").version("v1")
                        .description("Composite endpoints served by the gateway itself. The services' APIs are "
                                + "under the same /api/v1 (see the other documents in the selector).")
                        .license(new License().name("Proprietary").url("https://newsroom.example/terms")))
                .servers(List.of(new Server().url(ForwardedHeaders.API_PREFIX).description("this gateway")))
                .tags(List.of(new Tag().name("pages").description("Whole pages assembled from several services.")))
                // No bearer-jwt scheme here: every gateway operation is public (explicit empty security), and an
                // unused scheme fails Redocly's no-unused-components. The services' documents declare it.
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    /** Paths relative to the server, an explicit empty security (all gateway operations are public), problems. */
    @Bean
    OpenApiCustomizer gatewayApiContract() {
        return api -> {
            Paths relative = new Paths();
            api.getPaths().forEach((path, item) -> {
                relative.addPathItem(path.startsWith(ForwardedHeaders.API_PREFIX + "/")
                        ? path.substring(ForwardedHeaders.API_PREFIX.length()) : path, item);
                item.readOperations().forEach(operation -> {
                    operation.setSecurity(List.of());
                    ApiResponses responses = operation.getResponses();
                    addIfMissing(responses, "400", "The request is not valid (errors lists the fields).");
                    addIfMissing(responses, "404", "Nothing at this path.");
                    addIfMissing(responses, "429", "Rate limit exceeded; see Retry-After.");
                    responses.forEach((code, response) -> {
                        if (code.startsWith("4") || code.startsWith("5")) {
                            response.setContent(problemContent());
                        }
                    });
                });
            });
            api.setPaths(relative);
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            // The page's parts are the services' JSON, passed through: described by shape, not as JsonNode's getters.
            api.getComponents().getSchemas().remove("JsonNode");
            api.getComponents().addSchemas(ENVELOPE, envelopeSchema());
            api.getComponents().addSchemas(ARTICLE_PAGE, articlePageSchema());
        };
    }

    private static void addIfMissing(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    static Schema envelopeSchema() {
        ObjectSchema envelope = new ObjectSchema();
        envelope.setDescription("The one list envelope of the API");
        envelope.addProperty("items", new io.swagger.v3.oas.models.media.ArraySchema()
                .items(new ObjectSchema()).description("This page of the list"));
        Schema cursor = new Schema<>().types(java.util.Set.of("string", "null"))
                .description("Opaque cursor of the next page (pass as cursor), null on the last page");
        envelope.addProperty("nextCursor", cursor);
        envelope.setRequired(List.of("items", "nextCursor"));
        return envelope;
    }

    @SuppressWarnings("rawtypes")
    static Schema articlePageSchema() {
        ObjectSchema page = new ObjectSchema();
        page.setDescription("The article with its first page of comments, comment count and related articles. A part "
                + "whose service failed or was too slow is null and named in degraded.");
        page.addProperty("article", new ObjectSchema()
                .description("The article as article-service serves it (GET /articles/{slug})"));
        page.addProperty("comments", nullableEnvelope("First page of approved comments"));
        page.addProperty("commentCount", new Schema<>().types(java.util.Set.of("integer", "null")).format("int64")
                .description("Approved comments on the article"));
        page.addProperty("related", nullableEnvelope("More Articles Like This; each item has the article's id"));
        page.addProperty("degraded", new io.swagger.v3.oas.models.media.ArraySchema()
                .items(new StringSchema()._enum(List.of("comments", "commentCount", "related")))
                .description("Parts missing from this page"));
        page.setRequired(List.of("article", "comments", "commentCount", "related", "degraded"));
        return page;
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullableEnvelope(String description) {
        return new Schema<>().description(description).oneOf(List.of(
                new Schema<>().$ref("#/components/schemas/" + ENVELOPE), new Schema<>().types(java.util.Set.of("null"))));
    }

    @SuppressWarnings("rawtypes")
    static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
                .description("https://newsroom.example/problems/<kind>").example(
                        "https://newsroom.example/problems/not-found"));
        properties.put("title", new StringSchema().description("Short human summary of the kind"));
        properties.put("status", new IntegerSchema().description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong with this request"));
        properties.put("instance", new StringSchema().description("The request path as the client sent it"));
        properties.put("requestId", new StringSchema().description("The X-Request-Id of the request"));
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        properties.put("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError)
                .description("Invalid fields (400 only)"));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem details");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
