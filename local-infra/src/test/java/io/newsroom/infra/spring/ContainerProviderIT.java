package io.newsroom.infra.spring;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.lifecycle.TestcontainersLifecycleApplicationContextInitializer;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code newsroom.infra.provider=testcontainers} uses containers instead of local processes. Where a Docker
 * engine exists the connection details point at the container; where none exists (this machine) the
 * context must fail to start, never fall back to something else silently.
 */
class ContainerProviderIT {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withInitializer(new TestcontainersLifecycleApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class))
            .withUserConfiguration(PostgresInfra.class)
            .withPropertyValues(InfraProvider.PROPERTY + "=testcontainers");

    @Test
    void theTestcontainersProviderUsesAContainerOrFailsLoudly() {
        contexts.run(context -> {
            if (context.getStartupFailure() != null) {
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Docker");
            }
            else {
                assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).startsWith("jdbc:postgresql://")
                        .doesNotContain("newsroom_test_");
            }
        });
    }
}
