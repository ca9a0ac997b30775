package io.newsroom.search.freshness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Publish-to-searchable latency: from the event's {@code ce_time} (when the editor published) to the
 * moment the refreshed document is visible to searches. Recorded right after the bulk request that
 * carried it returns, which with {@code refresh=true} is when it became visible.
 *
 * <p>Exported at {@code /actuator/prometheus} as a histogram ({@code _bucket}, with exact 500 ms and
 * 1 s SLO buckets), so Prometheus computes p99 across instances with {@code histogram_quantile}; the
 * client-side p50/p99 are for in-process readers (the benchmark) and are not part of that export.
 */
@Component
public class PublishToSearchable {

    public static final String METRIC = "newsroom.search.publish_to_searchable";

    private final Timer timer;
    private final Clock clock;

    public PublishToSearchable(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.timer = Timer.builder(METRIC)
                .description("Time from an article event (ce_time) until the article is visible to search")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    public void searchable(Instant eventTime) {
        Duration latency = Duration.between(eventTime, clock.instant());
        timer.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public Timer timer() {
        return timer;
    }
}
