package io.newsroom.gateway.switches;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code newsroom.gateway.switched-off}: filters of the production chain switched off, for the benchmark's
 * per-filter cost table ({@code bench/run-benchmark.sh}) only. Empty by default; the gateway logs a warning at
 * start-up for every filter that is off. Names: {@value #SECURITY}, {@value #CORS}, {@value #REQUEST_ID},
 * {@value #SECURITY_HEADERS}, {@value #RATE_LIMIT}, {@value #CIRCUIT_BREAKER}, {@value #RETRY},
 * {@value #ACCESS_LOG} (metrics are switched off with the standard Boot/SCG properties).
 */
public final class FilterSwitches {

    public static final String PROPERTY = "newsroom.gateway.switched-off";

    public static final String SECURITY = "security";
    public static final String CORS = "cors";
    public static final String REQUEST_ID = "request-id";
    public static final String SECURITY_HEADERS = "security-headers";
    public static final String RATE_LIMIT = "rate-limit";
    public static final String CIRCUIT_BREAKER = "circuit-breaker";
    public static final String RETRY = "retry";
    public static final String ACCESS_LOG = "access-log";

    static final Set<String> KNOWN = Set.of(SECURITY, CORS, REQUEST_ID, SECURITY_HEADERS, RATE_LIMIT,
            CIRCUIT_BREAKER, RETRY, ACCESS_LOG);

    private FilterSwitches() {
    }

    /** The switched-off names; an unknown name fails start-up rather than silently measuring nothing. */
    public static Set<String> off(Environment environment) {
        Set<String> off = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of())
                .stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String name : off) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(PROPERTY + ": unknown filter '" + name + "', known: " + KNOWN);
            }
        }
        return off;
    }

    public static boolean isOn(Environment environment, String filter) {
        return !off(environment).contains(filter);
    }
}
