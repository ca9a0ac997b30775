package io.newsroom.search.web;

import io.newsroom.edge.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reading is public; the admin operations need a JWT with role ADMIN. Token checks, 401/403 problems, the
 * OpenAPI document and actuator are service-edge's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AuthorizationRules searchRules() {
        return requests -> requests
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().permitAll();
    }
}
