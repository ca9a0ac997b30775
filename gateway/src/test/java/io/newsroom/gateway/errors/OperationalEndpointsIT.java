package io.newsroom.gateway.errors;

import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 6 of issue 11: actuator only on the management port; on the public port it does not exist. */
class OperationalEndpointsIT extends GatewayTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
            "/actuator/info", "/actuator/env"})
    void actuatorOnThePublicPortIsA404Problem(String path) {
        client().get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ARTICLES.received()).isEmpty();
        assertThat(COMMENTS.received()).isEmpty();
        assertThat(SEARCH.received()).isEmpty();
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_"));
    }
}
