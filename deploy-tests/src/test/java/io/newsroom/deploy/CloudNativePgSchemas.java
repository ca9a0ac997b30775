package io.newsroom.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsroom.infra.node.NodeTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudNativePG objects (Cluster, ScheduledBackup, ...) against CloudNativePG's own API types: the npm package
 * {@code @kubernetes-models/cloudnative-pg} (generated from github.com/cloudnative-pg/cloudnative-pg/api/v1) ships
 * them as compiled JSON-schema validators, run here by node ({@code src/test/cnpg/validate.mjs}, pinned lock file,
 * {@code npm ci} into target/ by {@link NodeTools}). They check types, enums, patterns and required fields; they let
 * unknown fields through, which {@link CustomResourceShapes} rejects.
 */
final class CloudNativePgSchemas {

    static final String GROUP = "postgresql.cnpg.io";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path installed;

    private CloudNativePgSchemas() {
    }

    static List<String> problems(List<Manifest> manifests) {
        if (manifests.isEmpty()) {
            return List.of();
        }
        Path dir = install();
        ArrayNode objects = JSON.createArrayNode();
        manifests.forEach(m -> objects.addObject().put("where", m.where()).set("object", m.tree()));
        try {
            Path input = Files.createTempFile(dir, "objects", ".json");
            try {
                JSON.writeValue(input.toFile(), objects);
                NodeTools.Result result = NodeTools.run(dir, Duration.ofMinutes(1), "node", "validate.mjs", input.toString());
                String last = NodeTools.lines(result.stdout()).stream().filter(l -> l.startsWith("[")).reduce((a, b) -> b)
                        .orElseThrow(() -> new AssertionError("validate.mjs printed no result:\n" + result.stdout() + result.stderr()));
                List<String> problems = new ArrayList<>();
                JSON.readTree(last).forEach(p -> problems.add(p.asText()));
                return problems;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path install() {
        if (installed == null) {
            installed = NodeTools.install(Kustomize.root().resolve("deploy-tests/src/test/cnpg"),
                    Kustomize.root().resolve("deploy-tests/target/cnpg"));
        }
        return installed;
    }
}
