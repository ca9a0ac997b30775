package io.newsroom.outbox;

import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;

/** Registers {@link Outbox}, {@link OutboxRelay} and {@link OutboxMetrics}. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        KafkaAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DataSource dataSource, OutboxProperties properties, ObjectProvider<Clock> clock) {
        Assert.hasText(properties.source(), "newsroom.outbox.source must be set (the service's ce_source)");
        return new Outbox(JdbcClient.create(dataSource), properties.source(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(DataSource dataSource) {
        return new OutboxMetrics(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ProducerFactory.class, PlatformTransactionManager.class})
    @ConditionalOnProperty(name = "newsroom.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
                            ProducerFactory<?, ?> producerFactory, OutboxProperties properties,
                            OutboxMetrics metrics, ObjectProvider<OpenTelemetry> openTelemetry) {
        OutboxProperties.Relay relay = properties.relay();
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
                relayTemplate(producerFactory, relay), relay, metrics, new RelayTracing(openTelemetry.getIfAvailable()));
    }

    /**
     * Boot's producer settings (bootstrap servers, security) with what the relay relies on forced:
     * idempotence and acks=all so a retry never duplicates or reorders within a partition, and short
     * timeouts so a down broker fails a pass in seconds instead of blocking it for minutes.
     * Deliberately not a bean: the service's own {@code KafkaTemplate} stays Boot's.
     */
    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, byte[]> relayTemplate(ProducerFactory<?, ?> base, OutboxProperties.Relay relay) {
        int timeout = Math.toIntExact(relay.sendTimeout().toMillis());
        int linger = 5;
        Map<String, Object> overrides = Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, linger,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout - linger,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        var factory = (ProducerFactory<String, byte[]>) base.copyWithConfigurationOverride(overrides);
        return new KafkaTemplate<>(factory);
    }
}
