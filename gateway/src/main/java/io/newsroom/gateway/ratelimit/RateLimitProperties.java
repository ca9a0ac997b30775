package io.newsroom.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits per client address, held in Redis ({@code spring.data.redis.*}) so all replicas share them.
 *
 * @param policies      specific limits, first match wins (e.g. comment posting)
 * @param fallback      the limit for every other request
 */
@ConfigurationProperties("newsroom.gateway.rate-limits")
public record RateLimitProperties(boolean enabled, List<RateLimitPolicy> policies, RateLimitPolicy fallback) {

    public RateLimitProperties {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
