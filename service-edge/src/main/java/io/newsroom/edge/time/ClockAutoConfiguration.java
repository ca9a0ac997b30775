package io.newsroom.edge.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** One clock for every service; tests replace it with a fixed or movable one. */
@AutoConfiguration
public class ClockAutoConfiguration {

    /** UTC in microsecond ticks: what PostgreSQL stores, so a stored time reads back equal (ETags, cursors). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
