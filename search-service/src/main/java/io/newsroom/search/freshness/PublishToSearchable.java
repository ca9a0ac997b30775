package io.newsroom.search.freshness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Publish-to-searchable latency: from the event's {@code ce_time} (when the editor published) to the
 * moment the refreshed document is visible to searches. Recorded when the {@link LiveRefresh} refresh
 * that made it visible returns. Its parts are timed too: delivery (event time until the consumer has
 * it), the live bulk request, and the refresh.
 *
 * <p>Exported at {@code /actuator/prometheus} as a histogram ({@code _bucket}, with exact 500 ms and
 * 1 s SLO buckets), so Prometheus computes p99 across instances with {@code histogram_quantile}.
 */
@Component
public class PublishToSearchable {

    public static final String METRIC = "newsroom.search.publish_to_searchable";
    public static final String DELIVERY_METRIC = "newsroom.search.event_delivery";
    public static final String BULK_METRIC = "newsroom.search.live_bulk";
    public static final String REFRESH_METRIC = "newsroom.search.live_refresh";

    private final Timer timer;
    private final Timer delivery;
    private final Timer bulk;
    private final Timer refresh;
    private final Clock clock;

    public PublishToSearchable(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.timer = Timer.builder(METRIC)
                .description("Time from an article event (ce_time) until the article is visible to search")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        this.delivery = part(DELIVERY_METRIC, "Time from an article event (ce_time) until the live consumer has it", registry);
        this.bulk = part(BULK_METRIC, "Duration of one live bulk request", registry);
        this.refresh = part(REFRESH_METRIC, "Duration of one refresh that makes live writes visible", registry);
    }

    /** The parts are histograms too, so a missed objective can be traced to delivery, bulk or refresh. */
    private static Timer part(String name, String description, MeterRegistry registry) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    public void received(Instant eventTime) {
        delivery.record(nonNegative(Duration.between(eventTime, clock.instant())));
    }

    public void bulkTook(Duration took) {
        bulk.record(took);
    }

    public void refreshTook(Duration took) {
        refresh.record(took);
    }

    public void searchable(Instant eventTime) {
        timer.record(nonNegative(Duration.between(eventTime, clock.instant())));
    }

    /** Clocks of producer and consumer hosts differ slightly; a negative latency is recorded as zero. */
    private static Duration nonNegative(Duration latency) {
        return latency.isNegative() ? Duration.ZERO : latency;
    }
}
