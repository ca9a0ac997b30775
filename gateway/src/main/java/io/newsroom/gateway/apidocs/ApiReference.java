package io.newsroom.gateway.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document (the article page). The services' documents are routed in at
 * {@code /openapi/{service}} and listed next to it on {@code /swagger-ui.html} (springdoc.swagger-ui.urls).
 */
@Configuration(proxyBeanMethods = false)
class ApiReference {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info().title("Newsroom gateway").version("v1")
                        .description("Composite endpoints served by the gateway itself. The services' APIs are "
                                + "under /api/v1 (see the other documents in the selector)."))
                .addServersItem(new Server().url("/").description("this gateway"));
    }
}
