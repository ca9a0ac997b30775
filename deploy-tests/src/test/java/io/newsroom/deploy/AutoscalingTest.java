package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One autoscaler per Deployment (an HPA, or a KEDA ScaledObject which creates its own HPA - never both); a Kafka
 * consumer never scales past the partitions of the topics it reads, since extra consumers in a group sit idle;
 * KEDA's lag triggers name the consumer groups and topics of events/asyncapi.yaml; prod keeps at least 2 replicas.
 */
class AutoscalingTest {

    private static final AsyncApi ASYNC_API = AsyncApi.load();

    @TestFactory
    Stream<DynamicTest> everyDeploymentHasOneAutoscalerWithinThePartitions() {
        return Kustomize.eachTarget(rendered -> {
            List<String> problems = new ArrayList<>();
            Map<String, List<Manifest>> scalers = Stream.concat(rendered.ofKind("HorizontalPodAutoscaler").stream(),
                            rendered.ofKind("ScaledObject").stream())
                    .collect(Collectors.groupingBy(m -> m.tree().path("spec").path("scaleTargetRef").path("name").asText()));
            for (Workloads.Workload workload : new Workloads(rendered).deployments()) {
                List<Manifest> mine = scalers.getOrDefault(workload.name(), List.of());
                if (mine.size() != 1) {
                    problems.add(workload.manifest().where() + ": needs exactly one HorizontalPodAutoscaler or ScaledObject, has "
                            + mine.stream().map(Manifest::where).toList());
                    continue;
                }
                Manifest scaler = mine.getFirst();
                int min;
                int max;
                if (scaler.is("HorizontalPodAutoscaler")) {
                    var spec = StrictModels.bind(scaler.tree(), HorizontalPodAutoscaler.class).getSpec();
                    min = spec.getMinReplicas();
                    max = spec.getMaxReplicas();
                } else {
                    min = scaler.tree().path("spec").path("minReplicaCount").asInt(0);
                    max = scaler.tree().path("spec").path("maxReplicaCount").asInt(100);
                    kafkaTriggers(scaler, workload.name(), problems);
                }
                int partitions = ASYNC_API.subscriptions().stream()
                        .filter(s -> s.group().equals(workload.name()))
                        .mapToInt(s -> ASYNC_API.topics().get(s.topic()).partitions())
                        .min().orElse(Integer.MAX_VALUE);
                if (max > partitions) {
                    problems.add(scaler.where() + ": max replicas " + max + " exceeds the " + partitions
                            + " partitions " + workload.name() + " consumes; the extra pods would get no partition");
                }
                if (rendered.target().startsWith("prod") && min < 2) {
                    problems.add(scaler.where() + ": min replicas " + min + " in prod; at least 2 for availability");
                }
            }
            assertThat(problems).isEmpty();
        });
    }

    private static void kafkaTriggers(Manifest scaler, String service, List<String> problems) {
        boolean cpu = false;
        boolean lag = false;
        for (JsonNode trigger : scaler.tree().path("spec").path("triggers")) {
            cpu |= trigger.path("type").asText().equals("cpu");
            if (trigger.path("type").asText().equals("kafka")) {
                lag = true;
                String group = trigger.path("metadata").path("consumerGroup").asText();
                String topic = trigger.path("metadata").path("topic").asText();
                String bootstrap = trigger.path("metadata").path("bootstrapServers").asText();
                String namespace = scaler.tree().path("metadata").path("namespace").asText("newsroom");
                if (!bootstrap.matches("[a-z0-9-]+-kafka-bootstrap\\." + namespace + "\\.svc(\\.cluster\\.local)?:\\d+")) {
                    problems.add(scaler.where() + ": field 'spec.triggers.metadata.bootstrapServers' " + bootstrap
                            + " must be the full name in namespace " + namespace + " (KEDA resolves it from its own namespace)");
                }
                if (!ASYNC_API.subscriptions().contains(new AsyncApi.Subscription(group, topic)) || !group.equals(service)) {
                    problems.add(scaler.where() + ": kafka trigger (group " + group + ", topic " + topic
                            + ") is no receive operation of " + service + " in " + AsyncApi.FILE);
                }
            }
        }
        if (!cpu || !lag) {
            problems.add(scaler.where() + ": field 'spec.triggers' needs both a kafka lag trigger and a cpu trigger");
        }
    }
}
