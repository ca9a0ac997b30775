package io.newsroom.edge.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;

import java.util.List;
import java.util.Set;

/**
 * Adds the problems every operation can answer, where the operation does not state them itself: 400
 * always, 401/403 on secured operations, 404 where the path has variables, 429 where the gateway limits
 * the rate. Each as {@code application/problem+json} with the shared {@code Problem} schema.
 */
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "Problem";

    private final boolean rateLimited;

    ProblemResponses(boolean rateLimited) {
        this.rateLimited = rateLimited;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        // springdoc drops schemas no controller referenced before customizers run: (re)add ours.
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                addDefaults(path, method, operation)));
    }

    private void addDefaults(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.forEach(ProblemResponses::useProblemSchema);
        responses.values().forEach(ProblemResponses::typeHeaders);
        if (operation.getSecurity() == null) {
            // Public operations say so (security: []) instead of leaving readers to guess from a missing field.
            operation.setSecurity(new ArrayList<>());
        }
        add(responses, "400", "The request is invalid (field errors in errors[]).");
        if (operation.getSecurity() != null && operation.getSecurity().stream().anyMatch(r -> !r.isEmpty())) {
            add(responses, "401", "No valid bearer token.");
            add(responses, "403", "The token lacks the role this operation needs.");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing with that identifier.");
        }
        if (rateLimited) {
            add(responses, "429", "Too many requests; retry after the Retry-After seconds.");
        }
    }

    /** Response headers documented by name and description only (ETag, Location, Retry-After) are strings. */
    private static void typeHeaders(ApiResponse response) {
        if (response.getHeaders() != null) {
            response.getHeaders().values().stream()
                    .filter(header -> header.getSchema() == null && header.getContent() == null && header.get$ref() == null)
                    .forEach(header -> header.setSchema(new StringSchema()));
        }
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    /** An error response a controller documents without a body (or as {@code *}{@code /*}) is a Problem. */
    private static void useProblemSchema(String code, ApiResponse response) {
        boolean error = code.startsWith("4") || code.startsWith("5");
        Content content = response.getContent();
        if (error && response.get$ref() == null
                && (content == null || content.isEmpty() || content.keySet().equals(Set.of("*/*")))) {
            response.setContent(problemContent());
        }
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, parameter or header"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        return new ObjectSchema()
                .description("An RFC 9457 problem document (application/problem+json).")
                .addProperty("type", new StringSchema().format("uri")
                        .example("https://newsroom.example/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/articles"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("Invalid input, one item per field (400 invalid-request only)"))
                .required(List.of("type", "title", "status"));
    }
}
