package io.newsroom.gateway.errors;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 6 of issue 11: actuator only on the management port; on the public port it does not exist. */
class OperationalEndpointsIT extends GatewayTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
            "/actuator/info", "/actuator/env"})
    void actuatorOnThePublicPortIsA404Problem(String path) {
        HttpTestResponse response = client().get(path);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(ARTICLES.received()).isEmpty();
        assertThat(COMMENTS.received()).isEmpty();
        assertThat(SEARCH.received()).isEmpty();
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);
        HttpTestClient management = HttpTestClient.loopback(managementPort);

        HttpTestResponse liveness = management.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        HttpTestResponse prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_");
    }
}
