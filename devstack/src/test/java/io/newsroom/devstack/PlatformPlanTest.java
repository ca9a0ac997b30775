package io.newsroom.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformPlanTest {

    private final DevstackSettings settings = new DevstackSettings(Path.of("/tmp/home"), Path.of("/repo"), false, 19092, 15432, 19200);
    private final PlatformPlan plan = PlatformPlan.local(settings);
    private final InfraEndpoints infra = new InfraEndpoints("127.0.0.1:19092", "jdbc:postgresql://localhost:15432/articles",
            "jdbc:postgresql://localhost:15432/comments", "postgres", "postgres", "http://127.0.0.1:19200");

    @Test
    void eachServiceGetsOnlyItsOwnDatabase() {
        assertThat(plan.service("article-service").environment(infra))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/articles");
        assertThat(plan.service("comment-service").environment(infra))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/comments");
        assertThat(plan.service("search-service").environment(infra)).doesNotContainKey("SPRING_DATASOURCE_URL");
        assertThat(plan.service("gateway").environment(infra)).doesNotContainKey("SPRING_DATASOURCE_URL");
    }

    @Test
    void producersAndConsumersShareOneKafkaAndTheLocalIssuer() {
        for (String name : new String[] {"article-service", "comment-service", "search-service"}) {
            assertThat(plan.service(name).environment(infra))
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "127.0.0.1:19092")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://localhost:9000");
        }
    }

    @Test
    void everyPortIsCheckedBeforeStarting() {
        assertThat(plan.ports()).containsKeys(8080, 8081, 8082, 8083, 9000, 19092, 15432, 19200, 9080, 9081, 9082, 9083, 16379, 8084, 9084);
    }

    /** One Redis holds the rate-limit buckets, so limits hold however many gateways run. */
    @Test
    void theGatewayKeepsItsRateLimitsInDevstacksRedis() {
        assertThat(plan.service("gateway").environment(infra))
                .containsEntry("SPRING_DATA_REDIS_HOST", "127.0.0.1")
                .containsEntry("SPRING_DATA_REDIS_PORT", "16379");
    }

    @Test
    void actuatorListensOnEachServicesManagementPortAndReadinessIsProbedThere() {
        var expected = java.util.Map.of("gateway", 9080, "article-service", 9081, "comment-service", 9082, "search-service", 9083, "web", 9084);
        expected.forEach((name, port) -> {
            var service = plan.service(name);
            assertThat(service.environment(infra)).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(port));
            assertThat(service.managementUrl() + service.readinessPath()).isEqualTo("http://localhost:" + port + "/actuator/health/readiness");
        });
        assertThat(plan.service("auth-server").hasManagementPort()).isFalse();
    }

    @Test
    void theSiteReachesOnlyTheGatewayWhichTrustsItAsAProxy() {
        assertThat(plan.service("web").environment(infra))
                .containsEntry("NEWSROOM_SITE_GATEWAY_URL", "http://localhost:8080")
                .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(plan.service("gateway").environment(infra))
                .containsEntry("NEWSROOM_GATEWAY_SERVICES_WEB", "http://localhost:8084")
                .containsEntry("NEWSROOM_GATEWAY_TRUSTED_PROXIES_ADDRESSES_0", "127.0.0.1");
    }

    @Test
    void overridesAreAppliedLastAndOnlyToTheirService() {
        var tuned = PlatformPlan.local(settings, java.util.Map.of("gateway", java.util.Map.of("NEWSROOM_GATEWAY_RATE_LIMITS_FALLBACK_CAPACITY", "100000")));
        assertThat(tuned.service("gateway").environment(infra)).containsEntry("NEWSROOM_GATEWAY_RATE_LIMITS_FALLBACK_CAPACITY", "100000")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9080");
        assertThat(tuned.service("article-service").environment(infra)).doesNotContainKey("NEWSROOM_GATEWAY_RATE_LIMITS_FALLBACK_CAPACITY");
        assertThat(plan.service("gateway").environment(infra)).doesNotContainKey("NEWSROOM_GATEWAY_RATE_LIMITS_FALLBACK_CAPACITY");
    }
}
