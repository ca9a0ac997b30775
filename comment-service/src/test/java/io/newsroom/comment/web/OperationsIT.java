package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIT extends IntegrationTest {

    @Test
    void probesAndMetricsAreOpenButOtherActuatorEndpointsAreNot() {
        assertThat(get("/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").getBody()).contains("http_server_requests");
        assertThat(get("/actuator/env").getStatusCode().value()).isIn(401, 403, 404);
    }
}
