package io.newsroom.edge.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;

import jakarta.servlet.DispatcherType;

import java.time.Duration;

/**
 * The security filter chain of every service: a stateless bearer-token resource server (JWT signature via
 * JWKS, RS256 or ES256, issuer and audience, roles claim to {@code ROLE_*}: all standard Boot
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties), no CSRF (no cookies, no session for it to
 * ride on), 401/403 as problem+json. Always open: the error page, the OpenAPI document and the exposed
 * actuator endpoints (which live on the management port, never routed from outside). The rest is the
 * service's {@link AuthorizationRules}.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class EdgeSecurityAutoConfiguration {

    private static final boolean ACTUATOR = ClassUtils.isPresent(
            "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints", null);

    @Bean
    @ConditionalOnMissingBean
    SecurityProblems securityProblems() {
        return new SecurityProblems();
    }

    /** Just before Spring Security's filter chain, after the forwarded headers are applied. */
    @Bean
    FilterRegistrationBean<MetadataHeadRequests> metadataHeadRequests() {
        var registration = new FilterRegistrationBean<>(new MetadataHeadRequests());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Boot's decoder, except that the issuer's keys outlast an issuer outage ({@link IssuerKeys}). */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer,
                          @Value("${newsroom.edge.security.jwks-cache-ttl:5m}") Duration cacheTtl,
                          @Value("${newsroom.edge.security.issuer-outage-tolerance:1h}") Duration outageTolerance) {
        return IssuerKeys.decoder(resourceServer.getJwt(), cacheTtl, outageTolerance);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain edgeSecurityFilterChain(HttpSecurity http, ObjectProvider<AuthorizationRules> rules,
                                                SecurityProblems problems) throws Exception {
        return http
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/error", "/v3/api-docs", "/v3/api-docs/**").permitAll();
                    if (ACTUATOR) {
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    }
                    rules.getIfAvailable(() -> all -> all.anyRequest().authenticated()).customize(requests);
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems)
                        .withObjectPostProcessor(problems.forBearerTokens()))
                // Both places: a request without a token fails in exception translation, a bad token in the
                // bearer token filter.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
