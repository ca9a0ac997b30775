package io.newsroom.gateway.access;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The web origins allowed to call the API from a browser; nothing else is allowed cross-origin. */
@ConfigurationProperties("newsroom.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                             List<String> exposedHeaders, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedMethods = allowedMethods == null ? List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null
                ? List.of("Authorization", "Content-Type", "If-None-Match", "If-Match", "X-Request-Id")
                : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null
                ? List.of("X-Request-Id", "ETag", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "RateLimit-Policy")
                : List.copyOf(exposedHeaders);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
