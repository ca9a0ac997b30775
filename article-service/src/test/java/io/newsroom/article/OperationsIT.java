package io.newsroom.article;

import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What Kubernetes and Prometheus see, on the management port; and what the public port does not serve. */
@ArticleServiceTest
class OperationsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        var management = new Api(managementPort);
        assertThat(management.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(management.get("/actuator/health/readiness").body()).contains("\"UP\"");
        HttpTestResponse metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("newsroom_outbox_backlog_events", "http_server_requests");
    }

    @Test
    void thePublicPortServesNoActuator() {
        var api = new Api(port);
        assertThat(api.get("/actuator/prometheus").status()).isNotEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isNotEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsPublicAndPointsAtTheGateway() {
        HttpTestResponse docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("servers").get(0).path("url").asString()).isEqualTo("/api/v1");
        assertThat(docs.json().path("info").path("title").asString()).isEqualTo("Newsroom article service");
    }
}
