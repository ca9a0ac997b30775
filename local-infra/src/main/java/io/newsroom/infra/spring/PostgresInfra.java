package io.newsroom.infra.spring;

import java.util.concurrent.atomic.AtomicInteger;

import io.newsroom.infra.LocalPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL 17 for a test application context. With the {@code local} provider every application
 * context gets its own fresh database on the shared {@link LocalPostgres}, so test classes never see
 * each other's rows. With {@code testcontainers} it is a {@code postgres:17} container.
 *
 * <p>Selected by {@code newsroom.infra.provider}: {@code local} (default) or {@code testcontainers}, which needs
 * a Docker engine and the optional Testcontainers test dependencies; without Docker the context fails to
 * start (Testcontainers cannot find a Docker environment), so a test never passes without its infrastructure.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresInfra {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = InfraProvider.PROPERTY, havingValue = "local", matchIfMissing = true)
    static class Local {

        @Bean
        JdbcConnectionDetails localPostgresConnectionDetails() {
            LocalPostgres postgres = LocalPostgres.shared();
            String database = "newsroom_test_" + DATABASES.incrementAndGet();
            postgres.createDatabase(database);
            return new JdbcConnectionDetails() {

                @Override
                public String getUsername() {
                    return postgres.username();
                }

                @Override
                public String getPassword() {
                    return postgres.password();
                }

                @Override
                public String getJdbcUrl() {
                    return postgres.jdbcUrl(database);
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = InfraProvider.PROPERTY, havingValue = "testcontainers")
    static class Containers {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgresContainer() {
            return new PostgreSQLContainer("postgres:17");
        }
    }
}
