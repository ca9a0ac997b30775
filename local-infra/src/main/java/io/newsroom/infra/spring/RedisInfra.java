package io.newsroom.infra.spring;

import io.newsroom.infra.LocalRedis;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Redis for a test application context: the shared {@link LocalRedis} (Debian's redis-server as a child process
 * on a random loopback port). Tests that share it use their own keys (e.g. their own client addresses).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RedisInfra {

    @Bean
    DataRedisConnectionDetails localRedisConnectionDetails() {
        LocalRedis redis = LocalRedis.shared();
        return new DataRedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of(redis.host(), redis.port());
            }
        };
    }
}
