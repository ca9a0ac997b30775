package io.newsroom.comment.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs}, which the gateway aggregates. Moderator endpoints
 * name {@link #BEARER} as their security requirement; reader endpoints need none.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    /** The security scheme moderator endpoints refer to. */
    public static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI commentServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Newsroom comment service").version("v1")
                        .description("\"Leave a reply\": posting, threads, comment counts, reports and moderation."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT from the newsroom issuer with audience newsroom and role MODERATOR.")));
    }
}
