package io.newsroom.comment.web;

import io.newsroom.edge.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readers are anonymous; the moderator API needs a JWT with role MODERATOR. Token validation, 401/403
 * problems, the OpenAPI document and actuator are service-edge's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    AuthorizationRules commentRules() {
        return requests -> requests
                .requestMatchers("/moderation/**").hasRole("MODERATOR")
                .anyRequest().permitAll();
    }
}
