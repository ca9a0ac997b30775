package io.newsroom.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DigestUtils;

/**
 * Spring Cloud Gateway's own token-bucket script ({@code META-INF/scripts/request_rate_limiter.lua} in its jar,
 * unchanged), read and hashed once: keys {@code request_rate_limiter.{id}.tokens} and {@code .timestamp}, arguments
 * replenish rate, burst capacity, now (empty: Redis's clock) and tokens requested; answers {@code [allowed, tokens
 * left]}.
 */
record TokenBucketScript(String text, String sha1) {

    private static final String LOCATION = "META-INF/scripts/request_rate_limiter.lua";

    static TokenBucketScript load() {
        try (var in = new ClassPathResource(LOCATION, RedisRateLimiter.class.getClassLoader()).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new TokenBucketScript(text, DigestUtils.sha1DigestAsHex(text));
        } catch (IOException ex) {
            throw new UncheckedIOException("Spring Cloud Gateway's " + LOCATION + " not found", ex);
        }
    }
}
