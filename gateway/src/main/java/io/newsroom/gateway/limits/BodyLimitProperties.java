package io.newsroom.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBody  the largest request body any route accepts
 * @param rules    smaller limits for specific requests, first match wins (comment bodies: 16 KB)
 */
@ConfigurationProperties("newsroom.gateway.body-limits")
public record BodyLimitProperties(DataSize maxBody, List<Rule> rules) {

    public BodyLimitProperties {
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public record Rule(String name, List<String> methods, List<String> paths, DataSize max) {
    }
}
