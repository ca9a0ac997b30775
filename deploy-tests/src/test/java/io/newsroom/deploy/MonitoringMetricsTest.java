package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard is valid JSON with unique panel ids, non-overlapping panels, a Prometheus query per panel; and
 * every metric a panel or an alert queries exists: newsroom_* metrics are registered in a service's or library's
 * sources (Micrometer name, '.' to '_', plus the Prometheus suffixes), the others come from a known exporter.
 */
class MonitoringMetricsTest {

    /** Metrics not registered in this repository, and who exports them. */
    static final Map<String, String> EXTERNAL = Map.of(
            "kafka_consumergroup_lag", "Strimzi Kafka Exporter",
            "kafka_topic_partition_current_offset", "Strimzi Kafka Exporter",
            "kafka_topic_partition_oldest_offset", "Strimzi Kafka Exporter",
            "spring_cloud_gateway_requests_seconds_count", "Spring Cloud Gateway (gateway)",
            "http_server_requests_seconds_count", "Spring Boot server metrics (every service)",
            "spring_cloud_stream_binder_kafka_offset", "Spring Cloud Stream Kafka binder",
            "resilience4j_circuitbreaker_state", "resilience4j-micrometer (gateway circuit breakers)",
            "up", "Prometheus itself (1 when a target answered its scrape)");

    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*(\\{|\\[)");
    private static final Set<String> FUNCTIONS = Set.of("rate", "sum", "max", "min", "avg", "histogram_quantile",
            "increase", "by", "without", "vector", "label_values", "count", "irate", "delta");

    @Test
    void dashboardJsonIsValid() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Kustomize.root().resolve("deploy/base/monitoring/newsroom-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt(-1))).as("unique id of panel %s", title).isTrue();
            assertThat(panel.path("datasource").path("type").asText()).as("datasource of %s", title).isEqualTo("prometheus");
            assertThat(panel.path("targets")).as("queries of %s", title).isNotEmpty();
            panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).as("expr of %s", title).isNotBlank());
            JsonNode g = panel.path("gridPos");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertThat(box[0] + box[2]).as("panel %s fits the 24 columns", title).isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as("panel %s overlaps another", title).isFalse();
            }
            boxes.add(box);
        }
    }

    @Test
    void everyQueriedMetricExists() throws IOException {
        Set<String> registered = registeredMetrics();
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(Kustomize.root().resolve("deploy/base/monitoring/newsroom-dashboard.json").toFile());
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        Kustomize.all().get("prod").ofKind("PrometheusRule").forEach(rule -> rule.tree().path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asText()))));
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = METRIC.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
            while (matcher.find()) {
                String metric = matcher.group(1);
                if (FUNCTIONS.contains(metric) || EXTERNAL.containsKey(metric)) {
                    continue;
                }
                String base = metric.replaceAll("(_seconds)?(_bucket|_count|_sum|_max|_total)?$", "");
                if (!registered.contains(base) && !registered.contains(metric)) {
                    missing.add(metric);
                }
            }
        }
        assertThat(missing).as("metrics queried but registered nowhere (sources: %s)", registered).isEmpty();
    }

    /** Micrometer names in the main sources ("newsroom.outbox.oldest.age" -> newsroom_outbox_oldest_age). */
    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(newsroom\\.[a-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Kustomize.root())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")
                    && !f.toString().contains("/target/")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }
}
