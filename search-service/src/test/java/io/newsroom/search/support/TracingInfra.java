package io.newsroom.search.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Keeps every span the service finishes in memory, so a test can follow a trace id through it. */
@TestConfiguration(proxyBeanMethods = false)
public class TracingInfra {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
