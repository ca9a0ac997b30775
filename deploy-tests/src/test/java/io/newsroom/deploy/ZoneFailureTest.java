package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A node drain or a zone outage must not take a data store's only copy of anything: Elasticsearch indices get replicas
 * (search-service's NEWSROOM_SEARCH_INDEX_REPLICAS) and allocation awareness by zone, Kafka brokers know their rack
 * (zone) so replicas of a partition land in different zones, CloudNativePG instances spread over zones.
 */
class ZoneFailureTest {

    static final String ZONE = "topology.kubernetes.io/zone";

    @TestFactory
    Stream<DynamicTest> searchIndicesHaveReplicasWhereTheClusterHasNodesForThem() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            for (Manifest es : rendered.ofKind("Elasticsearch")) {
                int nodes = 0;
                for (JsonNode nodeSet : es.tree().path("spec").path("nodeSets")) {
                    nodes += nodeSet.path("count").asInt();
                }
                String replicas = configValue(rendered, "search-service", "NEWSROOM_SEARCH_INDEX_REPLICAS");
                int expected = nodes >= 2 ? 1 : 0;
                if (replicas == null || !replicas.matches("\\d+")) {
                    problems.add("[" + rendered + "] ConfigMap search-service: NEWSROOM_SEARCH_INDEX_REPLICAS is not set "
                            + "(the index settings default to 0 replicas: one Elasticsearch pod restart takes search offline)");
                } else if (Integer.parseInt(replicas) < expected || Integer.parseInt(replicas) > Math.max(0, nodes - 1)) {
                    problems.add("[" + rendered + "] ConfigMap search-service: NEWSROOM_SEARCH_INDEX_REPLICAS=" + replicas
                            + " on " + nodes + " Elasticsearch node(s); expected between " + expected + " and "
                            + Math.max(0, nodes - 1));
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> elasticsearchAllocatesCopiesAcrossZones() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            for (Manifest es : rendered.ofKind("Elasticsearch")) {
                if (!ZONE.equals(es.tree().path("metadata").path("annotations")
                        .path("eck.k8s.elastic.co/downward-node-labels").asText())) {
                    problems.add(es.where() + ": annotation 'eck.k8s.elastic.co/downward-node-labels' must be " + ZONE
                            + " (ECK exposes the node's zone to the pod)");
                }
                int i = 0;
                for (JsonNode nodeSet : es.tree().path("spec").path("nodeSets")) {
                    String at = "spec.nodeSets[" + i++ + "]";
                    JsonNode config = nodeSet.path("config");
                    if (!config.path("node.attr.zone").asText().equals("${ZONE}")) {
                        problems.add(es.where() + ": field '" + at + ".config.node.attr.zone' must be ${ZONE}");
                    }
                    if (!List.of(config.path("cluster.routing.allocation.awareness.attributes").asText().split(","))
                            .contains("zone")) {
                        problems.add(es.where() + ": field '" + at
                                + ".config.cluster.routing.allocation.awareness.attributes' must include zone");
                    }
                    JsonNode pod = nodeSet.path("podTemplate").path("spec");
                    boolean zoneEnv = false;
                    for (JsonNode container : pod.path("containers")) {
                        for (JsonNode env : container.path("env")) {
                            zoneEnv |= env.path("name").asText().equals("ZONE") && env.path("valueFrom").path("fieldRef")
                                    .path("fieldPath").asText().equals("metadata.annotations['" + ZONE + "']");
                        }
                    }
                    if (!zoneEnv) {
                        problems.add(es.where() + ": field '" + at + ".podTemplate.spec.containers' needs env ZONE from "
                                + "metadata.annotations['" + ZONE + "']");
                    }
                    if (!spreadsOver(pod.path("topologySpreadConstraints"), ZONE)) {
                        problems.add(es.where() + ": field '" + at + ".podTemplate.spec.topologySpreadConstraints' must "
                                + "spread over " + ZONE);
                    }
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> kafkaBrokersKnowTheirZone() {
        return Kustomize.eachTarget(rendered -> {
            for (Manifest kafka : rendered.ofKind("Kafka")) {
                assertThat(kafka.tree().path("spec").path("kafka").path("rack").path("topologyKey").asText())
                        .as("%s: field 'spec.kafka.rack.topologyKey' (rack awareness)", kafka.where()).isEqualTo(ZONE);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> postgresInstancesSpreadOverZones() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            for (Manifest cluster : rendered.where(m -> m.is("Cluster") && m.group().equals("postgresql.cnpg.io"))) {
                JsonNode spread = cluster.tree().path("spec").path("topologySpreadConstraints");
                if (!spreadsOver(spread, ZONE)) {
                    problems.add(cluster.where() + ": field 'spec.topologySpreadConstraints' must spread over " + ZONE);
                }
                for (JsonNode constraint : spread) {
                    if (!cluster.name().equals(constraint.path("labelSelector").path("matchLabels").path("cnpg.io/cluster").asText())) {
                        problems.add(cluster.where() + ": field 'spec.topologySpreadConstraints.labelSelector' must select "
                                + "cnpg.io/cluster=" + cluster.name());
                    }
                }
                if (rendered.target().startsWith("prod") && cluster.tree().path("spec").path("instances").asInt() > 1) {
                    for (JsonNode constraint : spread) {
                        if (constraint.path("topologyKey").asText().equals(ZONE)
                                && !constraint.path("whenUnsatisfiable").asText().equals("DoNotSchedule")) {
                            problems.add(cluster.where() + ": prod zone spread must be DoNotSchedule");
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    static boolean spreadsOver(JsonNode constraints, String key) {
        for (JsonNode constraint : constraints) {
            if (constraint.path("topologyKey").asText().equals(key) && constraint.path("maxSkew").asInt() == 1) {
                return true;
            }
        }
        return false;
    }

    /** A value of the generated (hash-suffixed) ConfigMap of a service. */
    static String configValue(Rendered rendered, String service, String key) {
        return rendered.where(m -> m.is("ConfigMap") && m.name().matches(service + "(-[a-z0-9]{10})?")).stream()
                .map(m -> m.tree().path("data").path(key))
                .filter(JsonNode::isTextual).map(JsonNode::asText).findFirst().orElse(null);
    }
}
