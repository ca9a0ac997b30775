package io.newsroom.infra.spring;

import java.util.List;

import io.newsroom.infra.LocalKafka;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A Kafka broker for a test application context: the shared in-JVM {@link LocalKafka} ({@code local})
 * or an {@code apache/kafka} container ({@code testcontainers}).
 *
 * <p>spring-kafka reads the {@link KafkaConnectionDetails} bean, but the Spring Cloud Stream Kafka binder
 * (5.0) only falls back to it when {@code spring.kafka.bootstrap-servers} is absent from the merged client
 * properties, which Boot always fills with {@code localhost:9092}; so the binder's
 * {@code spring.cloud.stream.kafka.binder.brokers} is set as well.
 *
 * <p>Selected by {@code newsroom.infra.provider}: {@code local} (default) or {@code testcontainers}, which needs
 * a Docker engine and the optional Testcontainers test dependencies; without Docker the context fails to
 * start (Testcontainers cannot find a Docker environment), so a test never passes without its infrastructure.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaInfra {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = InfraProvider.PROPERTY, havingValue = "local", matchIfMissing = true)
    static class Local {

        @Bean
        KafkaConnectionDetails localKafkaConnectionDetails() {
            String bootstrapServers = LocalKafka.shared().bootstrapServers();
            return () -> List.of(bootstrapServers);
        }

        @Bean
        DynamicPropertyRegistrar localKafkaBinderBrokers() {
            return registry -> {
                registry.add("spring.kafka.bootstrap-servers", () -> LocalKafka.shared().bootstrapServers());
                registry.add("spring.cloud.stream.kafka.binder.brokers", () -> LocalKafka.shared().bootstrapServers());
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = InfraProvider.PROPERTY, havingValue = "testcontainers")
    static class Containers {

        @Bean
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return new KafkaContainer("apache/kafka:4.1.2");
        }

        @Bean
        DynamicPropertyRegistrar kafkaContainerBinderBrokers(KafkaContainer kafka) {
            return registry -> registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
        }
    }
}
