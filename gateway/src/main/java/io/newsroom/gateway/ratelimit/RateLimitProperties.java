package io.newsroom.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param policies      specific limits, first match wins (e.g. comment posting)
 * @param fallback      the limit for every other request
 * @param maxClients    buckets kept before full (idle) ones are dropped; bounds memory under address churn
 */
@ConfigurationProperties("newsroom.gateway.rate-limits")
public record RateLimitProperties(boolean enabled, List<RateLimitPolicy> policies, RateLimitPolicy fallback,
                                  Integer maxClients) {

    public RateLimitProperties {
        policies = policies == null ? List.of() : List.copyOf(policies);
        maxClients = maxClients == null ? 100_000 : maxClients;
    }
}
