package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Grafana dashboard ships as a sidecar-discoverable ConfigMap and charts the domain metrics. */
class DashboardTest {

    private static final List<String> METRICS = List.of(
            "newsroom_search_publish_to_searchable_seconds_bucket",
            "newsroom_outbox_backlog",
            "newsroom_outbox_oldest_age_seconds",
            "kafka_topic_partition_current_offset",
            "resilience4j_circuitbreaker_state",
            "kafka_consumergroup_lag",
            "newsroom_comments_held",
            "spring_cloud_gateway_requests_seconds_count",
            "http_server_requests_seconds_count");

    @TestFactory
    Stream<DynamicTest> dashboardChartsTheDomainMetrics() {
        return Kustomize.eachTarget(rendered -> {
            var dashboards = rendered.ofKind("ConfigMap").stream()
                    .map(m -> StrictModels.bind(m.tree(), ConfigMap.class))
                    .filter(c -> c.getMetadata().getLabels() != null
                            && "1".equals(c.getMetadata().getLabels().get("grafana_dashboard")))
                    .toList();
            assertThat(dashboards).as("ConfigMaps labelled grafana_dashboard=1").hasSize(1);
            String json = dashboards.getFirst().getData().values().iterator().next();
            JsonNode dashboard = new ObjectMapper().readTree(json);
            List<String> expressions = new ArrayList<>();
            dashboard.path("panels").forEach(panel -> panel.path("targets")
                    .forEach(target -> expressions.add(target.path("expr").asText())));
            assertThat(dashboard.path("uid").asText()).isNotBlank();
            for (String metric : METRICS) {
                assertThat(expressions).as("a panel query using %s", metric).anyMatch(e -> e.contains(metric));
            }
            assertThat(expressions).as("gateway status panels").anyMatch(e -> e.contains("429"))
                    .anyMatch(e -> e.contains("4..|5.."));
        });
    }
}
