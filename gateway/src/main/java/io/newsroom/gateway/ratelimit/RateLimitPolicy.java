package io.newsroom.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * A limit per client address: at most {@code capacity} requests in a burst, refilled over {@code period}.
 * The first policy whose methods and paths match a request applies; the default catches everything else.
 */
public record RateLimitPolicy(String name, List<String> methods, List<String> paths, int capacity, Duration period) {

    public RateLimitPolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rate limit policy needs a name");
        }
        if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit policy " + name + " needs capacity >= 1 and a period > 0");
        }
        methods = methods == null ? List.of() : List.copyOf(methods);
        paths = paths == null ? List.of("/**") : List.copyOf(paths);
    }
}
