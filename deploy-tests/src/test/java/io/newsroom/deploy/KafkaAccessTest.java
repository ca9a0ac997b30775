package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Kafka authentication in prod: SCRAM-SHA-512 on the listener, simple authorization, one KafkaUser per Kafka client
 * whose ACLs are exactly what events/asyncapi.yaml says the service sends and receives (plus the dead-letter topics
 * its consumers write), and the service's clients configured for SASL with the password from Strimzi's user Secret.
 */
class KafkaAccessTest {

    @TestFactory
    Stream<DynamicTest> prodAuthenticatesAndAuthorizesEveryClient() {
        return Kustomize.eachTarget(rendered -> {
            if (!rendered.target().startsWith("prod")) {
                return;
            }
            Manifest kafka = rendered.find("Kafka", "newsroom").orElseThrow();
            for (JsonNode listener : kafka.tree().path("spec").path("kafka").path("listeners")) {
                assertThat(listener.path("authentication").path("type").asText())
                        .as("%s: listener %s authentication", kafka.where(), listener.path("name").asText()).isEqualTo("scram-sha-512");
            }
            assertThat(kafka.tree().path("spec").path("kafka").path("authorization").path("type").asText())
                    .as("%s: spec.kafka.authorization.type", kafka.where()).isEqualTo("simple");
            assertThat(kafka.tree().path("spec").path("entityOperator").has("userOperator"))
                    .as("%s: the User Operator runs (it turns KafkaUsers into users and Secrets)", kafka.where()).isTrue();

            Map<String, Set<String>> expected = expectedAcls();
            List<String> problems = new ArrayList<>();
            for (var entry : expected.entrySet()) {
                String service = entry.getKey();
                var user = rendered.find("KafkaUser", service);
                if (user.isEmpty()) {
                    problems.add("[" + rendered + "] no KafkaUser " + service);
                    continue;
                }
                JsonNode spec = user.get().tree().path("spec");
                if (!spec.path("authentication").path("type").asText().equals("scram-sha-512")) {
                    problems.add(user.get().where() + ": field 'spec.authentication.type' must be scram-sha-512");
                }
                Set<String> acls = new TreeSet<>();
                for (JsonNode acl : spec.path("authorization").path("acls")) {
                    for (JsonNode operation : acl.path("operations")) {
                        acls.add(acl.path("resource").path("type").asText() + ":" + acl.path("resource").path("name").asText()
                                + ":" + operation.asText());
                    }
                }
                if (!acls.equals(entry.getValue())) {
                    problems.add(user.get().where() + ": ACLs " + acls + ", expected exactly " + entry.getValue()
                            + " (from events/asyncapi.yaml)");
                }
                checkClient(rendered, service, problems);
            }
            for (Manifest scaled : rendered.ofKind("ScaledObject")) {
                for (JsonNode trigger : scaled.tree().path("spec").path("triggers")) {
                    if (trigger.path("type").asText().equals("kafka")) {
                        String auth = trigger.path("authenticationRef").path("name").asText();
                        if (rendered.find("TriggerAuthentication", auth).isEmpty()
                                || !trigger.path("metadata").path("sasl").asText().equals("scram_sha512")) {
                            problems.add(scaled.where() + ": kafka trigger needs sasl scram_sha512 and a TriggerAuthentication");
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    /** The env a service's Kafka clients need: SASL_PLAINTEXT, SCRAM-SHA-512, the JAAS config from its user Secret. */
    private static void checkClient(Rendered rendered, String service, List<String> problems) {
        Manifest deployment = rendered.find("Deployment", service).orElseThrow();
        Map<String, String> env = new TreeMap<>();
        for (JsonNode var : deployment.tree().path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
            JsonNode secret = var.path("valueFrom").path("secretKeyRef");
            env.put(var.path("name").asText(), secret.isMissingNode() ? var.path("value").asText()
                    : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
        }
        Map<String, String> wanted = new TreeMap<>(Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret:" + service + "/sasl.jaas.config"));
        if (usesStreamBinder(service)) {
            wanted.putAll(Map.of(
                    "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_MECHANISM", "SCRAM-SHA-512",
                    "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SASL_JAAS_CONFIG", "secret:" + service + "/sasl.jaas.config"));
        }
        wanted.forEach((name, value) -> {
            if (!value.equals(env.get(name))) {
                problems.add(deployment.where() + ": env " + name + " must be " + value + ", is " + env.get(name));
            }
        });
    }

    static boolean usesStreamBinder(String service) {
        try {
            return java.nio.file.Files.readString(Kustomize.root().resolve(service).resolve("pom.xml")).contains("stream-kafka")
                    || java.nio.file.Files.readString(Kustomize.root().resolve(service).resolve("pom.xml")).contains("stream-binder-kafka");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * user -> "type:name:Operation". A receive operation: Read+Describe on the topic, Read on the group, Write+Describe
     * on the topic's dead-letter topic. A send operation ("<service> publishes ..."): Write+Describe on the topic.
     */
    static Map<String, Set<String>> expectedAcls() throws Exception {
        JsonNode document = new YAMLMapper().readTree(Kustomize.root().resolve(AsyncApi.FILE).toFile());
        Map<String, String> topicOfChannel = new TreeMap<>();
        document.path("channels").fields().forEachRemaining(c -> topicOfChannel.put("#/channels/" + c.getKey(),
                c.getValue().path("address").asText()));
        Set<String> topics = new TreeSet<>(topicOfChannel.values());
        Map<String, Set<String>> acls = new TreeMap<>();
        document.path("operations").forEach(operation -> {
            String topic = topicOfChannel.get(operation.path("channel").path("$ref").asText());
            if (operation.path("action").asText().equals("receive")) {
                String group = operation.path("bindings").path("kafka").path("groupId").path("const").asText();
                Set<String> user = acls.computeIfAbsent(group, g -> new TreeSet<>());
                user.addAll(List.of("topic:" + topic + ":Read", "topic:" + topic + ":Describe", "group:" + group + ":Read"));
                if (topics.contains(topic + ".dlt")) {
                    user.addAll(List.of("topic:" + topic + ".dlt:Write", "topic:" + topic + ".dlt:Describe"));
                }
            } else {
                String title = operation.path("title").asText();
                if (title.matches("[a-z-]+-service publishes .*")) {
                    acls.computeIfAbsent(title.substring(0, title.indexOf(' ')), s -> new TreeSet<>())
                            .addAll(List.of("topic:" + topic + ":Write", "topic:" + topic + ":Describe"));
                }
            }
        });
        return acls;
    }
}
