package io.newsroom.gateway.ratelimit;

import io.newsroom.gateway.errors.ProblemResponses;
import io.newsroom.gateway.switches.ConditionalOnFilterOn;
import io.newsroom.gateway.switches.FilterSwitches;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "newsroom.gateway.rate-limits.enabled", matchIfMissing = true)
@ConditionalOnFilterOn(FilterSwitches.RATE_LIMIT)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties) {
        return new RateLimiter(properties, System::nanoTime);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter limiter, ProblemResponses problems) {
        return new RateLimitFilter(limiter, problems);
    }
}
