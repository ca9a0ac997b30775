package io.newsroom.site;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes and Prometheus see on the management port (9084 in the cluster; probes, /actuator/prometheus), and
 * that the public port - the one the gateway routes every site path to - serves no Actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortTest {

    @RegisterExtension
    static final StubGateway STUB = new StubGateway(0);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("newsroom.site.gateway-url", STUB::url);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    HttpTestResponse get(int port, String path) {
        return HttpTestClient.loopback(port).get(path);
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(get(managementPort, "/actuator/health/readiness").body()).contains("\"UP\"");

        // a reader's page, then the series the site's alerts read (http_server_requests by status and uri)
        assertThat(get(port, "/").status()).isEqualTo(200);
        var metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).satisfies(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/\"[^}]*}");
    }

    @Test
    void thePublicPortServesNoActuator() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/liveness", "/actuator"}) {
            var response = get(port, path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path)
                    .satisfies(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.body()).as(path).doesNotContain("jvm_", "\"status\":\"UP\"");
        }
    }
}
