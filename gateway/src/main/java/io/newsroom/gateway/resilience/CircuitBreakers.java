package io.newsroom.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker per service, shared by its routes and by the article page, so both see the same health.
 * Only transport failures and timeouts count: a service's own 4xx/5xx answers pass through untouched. A breaker has
 * no time limit of its own ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): each call's
 * timeout is its route's or the article page's.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> newsroomCircuitBreakers(ResilienceProperties properties) {
        return factory -> properties.circuitBreakers().forEach((name, breaker) ->
                factory.configure(builder -> configure(builder, breaker), name));
    }

    private static Resilience4JConfigBuilder configure(Resilience4JConfigBuilder builder,
                                                       ResilienceProperties.Breaker breaker) {
        return builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.slidingWindowSize())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .slowCallDurationThreshold(breaker.slowCallDuration())
                        .slowCallRateThreshold(breaker.slowCallRateThreshold())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .build());
    }
}
