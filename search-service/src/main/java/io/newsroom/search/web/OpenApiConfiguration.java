package io.newsroom.search.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (the gateway aggregates it). Reading is public;
 * only the admin operations declare the {@value #BEARER} scheme.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI searchApi() {
        return new OpenAPI()
                .info(new Info().title("Newsroom search").version("v1")
                        .description("Full-text search, facets, related articles and suggestions over published "
                                + "articles; the index is a projection of news.article and can be rebuilt."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT from the newsroom issuer, audience newsroom, with roles: [ADMIN].")));
    }
}
