package io.newsroom.gateway.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** CORS for the API from the configured allowlist, applied by {@link CorsAllowlistFilter}. */
@Configuration(proxyBeanMethods = false)
class CorsPolicy {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.allowedOrigins());
        api.setAllowedMethods(properties.allowedMethods());
        api.setAllowedHeaders(properties.allowedHeaders());
        api.setExposedHeaders(properties.exposedHeaders());
        api.setAllowCredentials(false); // bearer tokens in a header, never cookies
        api.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
