package io.newsroom.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Circuit breaker settings per service, all explicit. No time limit: the library's (1 s by default) is switched off,
 * each call's timeout is its route's ({@code newsroom.gateway.timeouts.*}) or the article page's.
 *
 * @param circuitBreakers by breaker name: {@code article}, {@code comment}, {@code search}
 * @param retryAfter      what a 503 tells clients when a service is down or its breaker is open
 */
@ConfigurationProperties("newsroom.gateway.resilience")
public record ResilienceProperties(Map<String, Breaker> circuitBreakers, Duration retryAfter) {

    public ResilienceProperties {
        circuitBreakers = circuitBreakers == null ? Map.of() : Map.copyOf(circuitBreakers);
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    }

    /**
     * @param slidingWindowSize        calls looked at (count based)
     * @param minimumCalls             calls needed before the failure rate means anything
     * @param failureRateThreshold     percent of failed calls that opens the breaker
     * @param slowCallDuration         a call slower than this counts as slow
     * @param slowCallRateThreshold    percent of slow calls that opens the breaker
     * @param openFor                  how long the breaker stays open before letting trial calls through
     * @param halfOpenCalls            trial calls in half-open state
     */
    public record Breaker(int slidingWindowSize, int minimumCalls, float failureRateThreshold,
                          Duration slowCallDuration, float slowCallRateThreshold, Duration openFor,
                          int halfOpenCalls) {
    }
}
