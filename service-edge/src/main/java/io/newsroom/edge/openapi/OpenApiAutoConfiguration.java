package io.newsroom.edge.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
        OpenAPI document = new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description()))
                .servers(List.of(new Server().url(api.server()).description("The newsroom gateway")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT (RS256 or ES256) from the newsroom issuer, audience newsroom; "
                                        + "roles in the roles claim."))
                        .addSchemas(ProblemResponses.PROBLEM, ProblemResponses.problemSchema()));
        if (api.resourceMetadata()) {
            document.path(ResourceMetadataPath.PATH, ResourceMetadataPath.item());
        }
        return document;
    }

    @Bean
    OpenApiCustomizer problemResponses(ApiProperties api) {
        return new ProblemResponses(api.rateLimited());
    }
}
