package io.newsroom.comment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readers are anonymous; the moderator API needs a JWT with role MODERATOR. The token is validated
 * here (issuer, audience, signature via JWKS; roles from the {@code roles} claim, see application.yaml).
 * Refusals are problem documents like every other error ({@link SecurityProblems}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        var problems = new SecurityProblems(json);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/moderation/**").hasRole("MODERATOR")
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                // Both places: requests without a token fail in the exception translation filter, requests
                // with a bad one in the bearer token filter.
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A stateless JSON API without cookies: there is no session for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
