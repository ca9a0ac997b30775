package io.newsroom.article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Microsecond ticks: what PostgreSQL stores, so a stored time reads back equal (ETags, cursors). */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }
}
