package io.newsroom.edge.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9728 protected-resource metadata as an operation of the document. Spring Security's filter serves it
 * (no controller springdoc could see), so the document states it by hand.
 */
final class ResourceMetadataPath {

    static final String PATH = "/.well-known/oauth-protected-resource";

    private ResourceMetadataPath() {
    }

    static PathItem item() {
        var metadata = new ObjectSchema()
                .addProperty("resource", new StringSchema().format("uri")
                        .description("The API's identifier: the gateway's /api/v1 URL."))
                .addProperty("authorization_servers", new ArraySchema().items(new StringSchema().format("uri"))
                        .description("Issuers whose tokens the API accepts."))
                .addProperty("bearer_methods_supported", new ArraySchema().items(new StringSchema()))
                .addProperty("scopes_supported", new ArraySchema().items(new StringSchema()));
        metadata.setRequired(List.of("resource"));
        var operation = new Operation()
                .operationId("protectedResourceMetadata")
                .tags(List.of("discovery"))
                .summary("Where to get a token for this API (RFC 9728)")
                .description("The protected-resource metadata that the resource_metadata parameter of every 401 "
                        + "challenge points at: the API's identifier and the authorization servers to ask for a token.")
                .security(new ArrayList<>())
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                        .description("The metadata.")
                        .content(new Content().addMediaType("application/json", new MediaType().schema(metadata)))));
        return new PathItem().get(operation);
    }
}
