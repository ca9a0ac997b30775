package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperationsIT extends IntegrationTest {

    @Test
    void probesAndMetricsAreOnTheManagementPortOnly() {
        assertThat(management("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(management("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(management("/actuator/prometheus").body()).contains("http_server_requests");
        assertThat(management("/actuator/env").status()).isIn(401, 403, 404);
        assertThat(get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(get("/actuator/health").status()).isEqualTo(404);
    }

    @Test
    void consumerLagOutboxBacklogAndKafkaObservationsAreExported() {
        openArticle(); // one article event through the binder's observed consumer
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(management("/actuator/prometheus").body())
                        .containsPattern("spring_cloud_stream_binder_kafka_offset\\{[^}]*group=\"comment-service\"[^}]*topic=\"news.article\"")
                        .contains("newsroom_outbox_backlog_events", "spring_kafka_listener_seconds_count"));
    }
}
