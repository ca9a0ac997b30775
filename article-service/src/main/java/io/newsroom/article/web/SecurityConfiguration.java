package io.newsroom.article.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Readers are anonymous; the editor API needs a JWT with role EDITOR. Tokens are checked here
 * (signature via JWKS, issuer, audience {@code newsroom}) even behind the gateway. The roles claim
 * becomes ROLE_* authorities through Boot's {@code jwt.authorities-claim-name}/{@code authority-prefix}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/articles", "/articles/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/editor/**").hasRole("EDITOR")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemAuthenticationEntryPoint.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationEntryPoint.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemAuthenticationEntryPoint.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationEntryPoint.forbidden()))
                // A stateless bearer-token API: no session, no cookies, so no CSRF to defend.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
