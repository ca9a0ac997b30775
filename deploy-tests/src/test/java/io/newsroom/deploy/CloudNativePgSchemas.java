package io.newsroom.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudNativePG objects (Cluster, ScheduledBackup, ...) against CloudNativePG's own API types: the npm package
 * {@code @kubernetes-models/cloudnative-pg} (generated from github.com/cloudnative-pg/cloudnative-pg/api/v1) ships
 * them as compiled JSON-schema validators, run here by node ({@code src/test/cnpg/validate.mjs}, pinned lock file,
 * {@code npm ci} into target/). They check types, enums, patterns and required fields; they let unknown fields
 * through, which {@link CustomResourceShapes} rejects.
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
                List<String> log = new ArrayList<>();
                Promtool.run(dir, log, "node", "validate.mjs", input.toString());
                String out = log.getLast();
                String last = out.lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b)
                        .orElseThrow(() -> new AssertionError("validate.mjs printed no result:\n" + out));
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

    /** npm ci of the pinned lock file into deploy-tests/target/cnpg, once per lock file. */
    private static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        Path source = Kustomize.root().resolve("deploy-tests/src/test/cnpg");
        Path dir = Kustomize.root().resolve("deploy-tests/target/cnpg");
        try {
            Files.createDirectories(dir);
            for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
                Files.copy(source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Path stamp = dir.resolve("node_modules/.newsroom-installed-lock");
            String lock = Files.readString(dir.resolve("package-lock.json"));
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(lock)) {
                List<String> log = new ArrayList<>();
                if (!Promtool.run(dir, log, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")) {
                    throw new AssertionError("CloudNativePG's API types come from npm (npm ci in " + dir + "), which failed "
                            + "or is not installed (apt-get install -y npm). Log:\n" + String.join("\n", log));
                }
                Files.writeString(stamp, lock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return installed = dir;
    }
}
