package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Strimzi reconciles only the namespaces it watches: every overlay that has Kafka objects must be in the watch list of
 * the operator values the README installs with (dev runs in newsroom-dev; the operator used to watch only newsroom).
 */
class OperatorWatchTest {

    static final String VALUES = "deploy/operators/strimzi-values.yaml";

    @TestFactory
    Stream<DynamicTest> strimziWatchesEveryNamespaceWithKafka() {
        return Kustomize.forEachTarget(rendered -> rendered.target().equals("base") ? Stream.empty()
                : Stream.of(DynamicTest.dynamicTest(rendered.target(), () -> {
                    List<String> watched = watched();
                    for (Manifest manifest : rendered.where(m -> m.group().equals("kafka.strimzi.io"))) {
                        assertThat(watched).as("%s: namespace watched by Strimzi (%s watchNamespaces)", manifest.where(), VALUES)
                                .contains(manifest.tree().path("metadata").path("namespace").asText());
                    }
                })));
    }

    @Test
    void theReadmeInstallsStrimziWithThoseValues() throws Exception {
        String readme = Files.readString(Kustomize.root().resolve("deploy/README.md"));
        String install = readme.lines().filter(l -> l.contains("strimzi-kafka-operator") && l.contains("helm install"))
                .findFirst().orElse("");
        assertThat(install).as("the README's helm install line for Strimzi").contains("-f " + VALUES)
                .doesNotContain("watchNamespaces=");
    }

    static List<String> watched() throws Exception {
        Path values = Kustomize.root().resolve(VALUES);
        assertThat(values).as("Strimzi Helm values").exists();
        JsonNode tree = new YAMLMapper().readTree(values.toFile());
        List<String> namespaces = new ArrayList<>();
        tree.path("watchNamespaces").forEach(n -> namespaces.add(n.asText()));
        return namespaces;
    }
}
