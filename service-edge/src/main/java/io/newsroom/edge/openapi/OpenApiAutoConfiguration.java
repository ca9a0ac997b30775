package io.newsroom.edge.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * The common parts of every service's OpenAPI document: title and description from
 * {@code newsroom.edge.api.*}, the gateway server {@code /api/v1}, the {@value #BEARER} security scheme,
 * the {@code Problem} schema and the default problem responses ({@link ProblemResponses}).
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
@EnableConfigurationProperties(ApiProperties.class)
public class OpenApiAutoConfiguration {

    /** The security scheme protected operations name: {@code @SecurityRequirement(name = BEARER)}. */
    public static final String BEARER = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(ApiProperties api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description()))
                .servers(List.of(new Server().url(api.server()).description("The newsroom gateway")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT (RS256 or ES256) from the newsroom issuer, audience newsroom; "
                                        + "roles in the roles claim."))
                        .addSchemas("Problem", problemSchema()));
    }

    @Bean
    OpenApiCustomizer problemResponses(ApiProperties api) {
        return new ProblemResponses(api.rateLimited());
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
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
