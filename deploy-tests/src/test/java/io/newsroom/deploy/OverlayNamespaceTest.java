package io.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every namespaced object of an installable target lands in that target's namespace. An object without
 * metadata.namespace goes to whatever namespace kubectl points at: the HTTPRoute of the README's old
 * "prod + components/gateway-api" recipe did, while the component deleted the Ingress, leaving no entry point.
 */
class OverlayNamespaceTest {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "ClusterIssuer", "PriorityClass", "StorageClass", "IngressClass", "GatewayClass");

    @TestFactory
    Stream<DynamicTest> everyNamespacedObjectHasTheOverlaysNamespace() {
        return Kustomize.forEachTarget(rendered -> rendered.target().equals("base") ? Stream.empty()
                : Stream.of(DynamicTest.dynamicTest(rendered.target(), () -> {
                    String expected = namespaceOf(rendered.target());
                    assertThat(expected).as("deploy/overlays/%s/kustomization.yaml sets a namespace", rendered).isNotBlank();
                    List<String> problems = new ArrayList<>();
                    for (Manifest manifest : rendered.manifests()) {
                        String namespace = manifest.tree().path("metadata").path("namespace").asText("");
                        if (manifest.is("Namespace")) {
                            if (!manifest.name().equals(expected)) {
                                problems.add(manifest.where() + ": declares namespace " + manifest.name() + ", not " + expected);
                            }
                        } else if (!CLUSTER_SCOPED.contains(manifest.kind()) && !namespace.equals(expected)) {
                            problems.add(manifest.where() + ": field 'metadata.namespace' is '" + namespace + "', expected '"
                                    + expected + "'");
                        }
                    }
                    assertThat(problems).isEmpty();
                })));
    }

    @Test
    void everyComponentIsShippedInAnOverlay() throws IOException {
        Path deploy = Kustomize.root().resolve("deploy");
        List<String> used = new ArrayList<>();
        try (Stream<Path> overlays = Files.list(deploy.resolve("overlays"))) {
            for (Path overlay : overlays.filter(Files::isDirectory).toList()) {
                JsonNode components = new YAMLMapper().readTree(overlay.resolve("kustomization.yaml").toFile()).path("components");
                components.forEach(c -> used.add(overlay.resolve(c.asText()).normalize().getFileName().toString()));
            }
        }
        try (Stream<Path> components = Files.list(deploy.resolve("components"))) {
            assertThat(used).as("components used by an overlay under deploy/overlays (an overlay sets the namespace)")
                    .containsAll(components.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The namespace an overlay declares (for "prod+x", the namespace of the overlay it is built on). */
    static String namespaceOf(String target) throws IOException {
        String overlay = target.contains("+") ? target.substring(0, target.indexOf('+')) : target;
        Path kustomization = Kustomize.root().resolve("deploy/overlays").resolve(overlay).resolve("kustomization.yaml");
        return new YAMLMapper().readTree(kustomization.toFile()).path("namespace").asText(null);
    }
}
