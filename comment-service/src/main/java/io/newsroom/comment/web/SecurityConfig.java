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
                // /moderation is the path after issue 11 (the gateway strips /api/v1); /api/moderation until
                // the controllers move, so neither is ever public.
                .requestMatchers("/moderation/**", "/api/moderation/**").hasRole("MODERATOR")
                .anyRequest().permitAll();
    }
}
