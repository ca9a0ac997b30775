package io.newsroom.article;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What Kubernetes and Prometheus see. */
@ArticleServiceTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void probesAndMetricsAreOpen() {
        var api = new Api(port);
        assertThat(api.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(api.get("/actuator/health/readiness").body()).contains("\"UP\"");
        Api.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("newsroom_outbox_backlog_events", "http_server_requests");
    }
}
