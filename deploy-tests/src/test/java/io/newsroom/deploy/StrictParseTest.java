package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

/** The validator itself: a broken manifest is reported with its file and the exact field. */
class StrictParseTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void aMisspelledProbeIsReportedWithFileAndPath() throws Exception {
        Manifest deployment = manifest("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gateway}
                spec:
                  selector: {matchLabels: {app: gateway}}
                  template:
                    metadata: {labels: {app: gateway}}
                    spec:
                      containers:
                        - name: gateway
                          image: newsroom/gateway
                          livenesProbe: {httpGet: {path: /actuator/health/liveness, port: 8080}}
                """);

        assertThat(StrictModels.violation(deployment, Deployment.class)).hasValueSatisfying(message -> assertThat(message)
                .contains("deploy/base/apps/gateway/deployment.yaml")
                .contains("spec.template.spec.containers[0].livenesProbe")
                .contains("unknown field"));
    }

    @Test
    void aWrongTypeIsReportedWithPath() throws Exception {
        Manifest topic = manifest("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: news.article, labels: {strimzi.io/cluster: newsroom}}
                spec:
                  partitions: six
                """);

        assertThat(StrictModels.violation(topic, KafkaTopic.class))
                .hasValueSatisfying(message -> assertThat(message).contains("spec.partitions"));
    }

    @Test
    void aValidDeploymentPasses() throws Exception {
        Manifest deployment = manifest("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gateway}
                spec:
                  selector: {matchLabels: {app: gateway}}
                  template:
                    metadata: {labels: {app: gateway}}
                    spec:
                      containers: [{name: gateway, image: newsroom/gateway}]
                """);

        assertThat(StrictModels.violation(deployment, Deployment.class)).isEmpty();
    }

    @Test
    void aKedaTriggerWithANumericMetadataValueIsRejected() throws Exception {
        Manifest scaledObject = manifest("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: search-service}
                spec:
                  scaleTargetRef: {name: search-service}
                  triggers:
                    - type: kafka
                      metadata: {topic: news.article, lagThreshold: 500}
                """);

        assertThat(CustomResourceShapes.problems(scaledObject))
                .containsExactly("[test] deploy/base/apps/gateway/deployment.yaml (ScaledObject search-service): "
                        + "field 'spec.triggers[0].metadata.lagThreshold' must be a string (quote it)");
    }

    private static Manifest manifest(String yaml) throws Exception {
        JsonNode tree = YAML.readTree(yaml);
        return new Manifest("test", "deploy/base/apps/gateway/deployment.yaml", tree);
    }
}
