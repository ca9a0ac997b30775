package io.newsroom.infra.spring;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every span a traced service (Micrometer Tracing over OpenTelemetry) finishes in memory, next to its own
 * exporters, so a test can follow a trace id through it. Needs {@code io.opentelemetry:opentelemetry-sdk-testing}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TracingInfra {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
