package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * events/asyncapi.yaml is the source of the topics: every channel has a KafkaTopic with the same partitions,
 * replicas and configuration, and no KafkaTopic exists without a channel. A cluster with fewer brokers than the
 * document's replicas (dev: one node) must use exactly as many replicas as it has brokers and a
 * min.insync.replicas it can meet; everything else still matches.
 */
class KafkaTopicsTest {

    private static final AsyncApi ASYNC_API = AsyncApi.load();

    @TestFactory
    Stream<DynamicTest> everyChannelHasItsKafkaTopicAndViceVersa() {
        return Kustomize.eachTarget(rendered -> {
            assertThat(ASYNC_API.topics()).as("channels with a kafka binding in %s", AsyncApi.FILE).isNotEmpty();
            List<String> problems = new ArrayList<>();
            int brokers = brokers(rendered);
            Map<String, Manifest> declared = new LinkedHashMap<>();
            for (Manifest manifest : rendered.ofKind("KafkaTopic")) {
                KafkaTopic topic = StrictModels.bind(manifest.tree(), KafkaTopic.class);
                String name = Objects.requireNonNullElse(topic.getSpec().getTopicName(), manifest.name());
                declared.put(name, manifest);
                if (!ASYNC_API.topics().containsKey(name)) {
                    problems.add(manifest.where() + ": field 'spec.topicName' " + name + " is no channel of " + AsyncApi.FILE);
                }
                if (rendered.find("Kafka", topic.getMetadata().getLabels().get("strimzi.io/cluster")).isEmpty()) {
                    problems.add(manifest.where() + ": field 'metadata.labels[strimzi.io/cluster]' names no Kafka cluster");
                }
            }
            for (AsyncApi.Topic expected : ASYNC_API.topics().values()) {
                Manifest manifest = declared.get(expected.name());
                if (manifest == null) {
                    problems.add("[" + rendered.target() + "] " + AsyncApi.FILE + ": channel topic " + expected.name()
                            + " has no KafkaTopic (add it to deploy/base/infra/topics.yaml)");
                    continue;
                }
                compare(manifest, StrictModels.bind(manifest.tree(), KafkaTopic.class), expected, brokers, problems);
            }
            assertThat(problems).as("KafkaTopics vs %s (%d brokers)", AsyncApi.FILE, brokers).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> clusterDefaultsFitTheBrokers() {
        return Kustomize.eachTarget(rendered -> {
            int brokers = brokers(rendered);
            for (Manifest manifest : rendered.ofKind("Kafka")) {
                Map<String, Object> config = StrictModels.bind(manifest.tree(), Kafka.class).getSpec().getKafka().getConfig();
                for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                        "transaction.state.log.replication.factor")) {
                    assertThat(Integer.parseInt(String.valueOf(config.get(key))))
                            .as("%s: field 'spec.kafka.config.%s' must be set and at most the %d brokers", manifest.where(), key, brokers)
                            .isBetween(1, brokers);
                }
                assertThat(config.get("auto.create.topics.enable")).as("%s: topics come from KafkaTopics only", manifest.where())
                        .isEqualTo(false);
            }
        });
    }

    private static void compare(Manifest manifest, KafkaTopic topic, AsyncApi.Topic expected, int brokers,
                                List<String> problems) {
        String where = manifest.where() + ": field 'spec.";
        if (!Objects.equals(topic.getSpec().getPartitions(), expected.partitions())) {
            problems.add(where + "partitions' is " + topic.getSpec().getPartitions() + ", " + AsyncApi.FILE + " says "
                    + expected.partitions());
        }
        int replicas = Math.min(expected.replicas(), brokers);
        if (!Objects.equals(topic.getSpec().getReplicas(), replicas)) {
            problems.add(where + "replicas' is " + topic.getSpec().getReplicas() + ", expected " + replicas + " ("
                    + AsyncApi.FILE + " says " + expected.replicas() + ", the cluster has " + brokers + " brokers)");
        }
        Map<String, String> actual = new LinkedHashMap<>();
        topic.getSpec().getConfig().forEach((key, value) -> actual.put(key, String.valueOf(value)));
        Map<String, String> wanted = new LinkedHashMap<>(expected.config());
        if (replicas < expected.replicas() && wanted.containsKey("min.insync.replicas")) {
            // Fewer brokers than the document assumes: the ISR minimum can be at most the replicas there are.
            wanted.put("min.insync.replicas", String.valueOf(Math.min(replicas,
                    Integer.parseInt(wanted.get("min.insync.replicas")))));
        }
        if (!actual.equals(wanted)) {
            problems.add(where + "config' is " + actual + ", " + AsyncApi.FILE + " says " + wanted);
        }
    }

    /** Broker nodes across the KafkaNodePools of the rendered target. */
    static int brokers(Rendered rendered) {
        return rendered.ofKind("KafkaNodePool").stream()
                .map(m -> StrictModels.bind(m.tree(), KafkaNodePool.class).getSpec())
                .filter(spec -> spec.getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(spec -> spec.getReplicas())
                .sum();
    }
}
