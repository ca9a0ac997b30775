package io.newsroom.article.web;

import io.newsroom.edge.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readers are anonymous (GET and HEAD); the editor API needs a JWT with role EDITOR. Everything else about
 * security (token validation, 401/403 problems, the OpenAPI document, actuator) is service-edge's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AuthorizationRules articleRules() {
        return requests -> requests
                .requestMatchers(AuthorizationRules.reads("/articles", "/articles/**")).permitAll()
                .requestMatchers("/editor/**").hasRole("EDITOR")
                .anyRequest().denyAll();
    }
}
