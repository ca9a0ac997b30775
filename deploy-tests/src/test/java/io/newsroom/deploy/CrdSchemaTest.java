package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The CRD validation itself: every operator kind the manifests use has its real schema, and a typo, a wrong enum value,
 * a wrong type or a missing required field in a rendered object is reported with the field.
 */
class CrdSchemaTest {

    @Test
    void everyOperatorKindHasItsSchema() {
        assertThat(CrdSchemas.sources()).containsKeys("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
                "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser", "keda.sh/v1alpha1/ScaledObject",
                "keda.sh/v1alpha1/TriggerAuthentication", "gateway.networking.k8s.io/v1/HTTPRoute",
                "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PodMonitor",
                "monitoring.coreos.com/v1/PrometheusRule");
        System.out.println("CRD schemas: " + CrdSchemas.sources());
    }

    @Test
    void unknownFieldsAreReported() {
        assertBroken("prod", "Kafka", "newsroom", t -> ((ObjectNode) t.at("/spec/kafka/listeners/0")).put("tlss", false), "tlss");
        assertBroken("prod", "KafkaNodePool", "broker", t -> ((ObjectNode) t.at("/spec")).put("replica", 3), "replica");
        assertBroken("prod", "ScaledObject", "search-service",
                t -> ((ObjectNode) t.at("/spec")).put("minReplicas", 3), "minReplicas");
        assertBroken("prod-gateway-api", "HTTPRoute", "newsroom",
                t -> ((ObjectNode) t.at("/spec/rules/0/backendRefs/0")).put("service", "gateway"), "service");
        assertBroken("prod", "PrometheusRule", "newsroom",
                t -> ((ObjectNode) t.at("/spec/groups/0/rules/0")).put("exprr", "up"), "exprr");
        assertBroken("prod", "ServiceMonitor", "newsroom-services",
                t -> ((ObjectNode) t.at("/spec/endpoints/0")).put("intervall", "30s"), "intervall");
    }

    @Test
    void enumsTypesAndRequiredFieldsAreReported() {
        assertBroken("prod", "KafkaUser", "search-service",
                t -> ((ObjectNode) t.at("/spec/authentication")).put("type", "scram"), "authentication");
        assertBroken("prod", "KafkaUser", "search-service",
                t -> ((ObjectNode) t.at("/spec/authorization/acls/0/resource")).put("type", "topics"), "resource");
        assertBroken("prod", "KafkaTopic", "news.article",
                t -> ((ObjectNode) t.at("/spec")).put("partitions", "six"), "partitions");
        assertBroken("prod", "ScaledObject", "search-service",
                t -> ((ObjectNode) t.at("/spec/triggers/0")).remove("type"), "type");
        assertBroken("prod", "PrometheusRule", "newsroom",
                t -> ((ArrayNode) t.at("/spec/groups")).addObject().put("interval", "1m"), "name");
    }

    @Test
    void cloudNativePgTypesEnumsAndRequiredFieldsAreReported() {
        assertCloudNativePgBroken("Cluster", "articles-db", t -> ((ObjectNode) t.at("/spec")).put("instances", "three"), "instances");
        assertCloudNativePgBroken("Cluster", "articles-db",
                t -> ((ObjectNode) t.at("/spec")).put("primaryUpdateStrategy", "sometimes"), "primaryUpdateStrategy");
        assertCloudNativePgBroken("ScheduledBackup", "articles-db-daily", t -> ((ObjectNode) t.at("/spec")).remove("schedule"),
                "schedule");
        assertCloudNativePgBroken("ScheduledBackup", "articles-db-daily", t -> ((ObjectNode) t.at("/spec/cluster")).remove("name"),
                "name");
    }

    private static void assertCloudNativePgBroken(String kind, String name, Consumer<JsonNode> breakIt, String field) {
        Manifest original = Kustomize.all().get("prod").find(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name));
        assertThat(CloudNativePgSchemas.problems(List.of(original))).as("%s as rendered", original.where()).isEmpty();
        JsonNode tree = original.tree().deepCopy();
        breakIt.accept(tree);
        assertThat(CloudNativePgSchemas.problems(List.of(new Manifest("prod", original.file(), tree))))
                .as("%s %s broken at %s", kind, name, field).isNotEmpty().anyMatch(p -> p.contains(field));
    }

    private static void assertBroken(String target, String kind, String name, Consumer<JsonNode> breakIt, String field) {
        Manifest original = Kustomize.all().get(target).find(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name));
        var schema = CrdSchemas.forManifest(original).orElseThrow(() -> new AssertionError("no CRD schema for " + kind));
        assertThat(CrdSchemas.problems(original, schema)).as("%s as rendered", original.where()).isEmpty();
        JsonNode tree = original.tree().deepCopy();
        breakIt.accept(tree);
        List<String> problems = CrdSchemas.problems(new Manifest(target, original.file(), tree), schema);
        assertThat(problems).as("%s %s broken at %s", kind, name, field).isNotEmpty()
                .anyMatch(p -> p.contains(field));
    }
}
