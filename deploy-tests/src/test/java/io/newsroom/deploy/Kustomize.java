package io.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Renders the kustomize targets under deploy/ with {@code kubectl kustomize} (or a standalone {@code kustomize}).
 * Each target is wrapped in a throw-away kustomization with {@code buildMetadata: [originAnnotations]}, so every
 * object says which file it came from; the annotation is removed again before validation.
 */
final class Kustomize {

    private static final String ORIGIN = "config.kubernetes.io/origin";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Map<String, Rendered> cache;
    private static List<String> command;

    private Kustomize() {
    }

    /** The repository root (the parent of this module), where deploy/, events/ and the services live. */
    static Path root() {
        return Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Targets rendered and validated: base and every overlay. Components are validated through the overlays that use
     * them (OverlayNamespaceTest requires one per component): a component rendered without an overlay has no namespace.
     */
    static synchronized Map<String, Rendered> all() {
        unavailable().ifPresent(reason -> {
            throw new AssertionError(reason);
        });
        if (cache == null) {
            Path deploy = root().resolve("deploy");
            Map<String, Rendered> targets = new LinkedHashMap<>();
            targets.put("base", render("base", List.of("deploy/base"), List.of()));
            try (Stream<Path> overlays = Files.list(deploy.resolve("overlays"))) {
                overlays.filter(Files::isDirectory).sorted().forEach(overlay -> {
                    String name = overlay.getFileName().toString();
                    targets.put(name, render(name, List.of("deploy/overlays/" + name), List.of()));
                });
            } catch (IOException e) {
                throw new IllegalStateException("cannot list deploy/overlays", e);
            }
            cache = targets;
        }
        return cache;
    }

    /**
     * One dynamic test per rendered target. Without a usable kustomize (after trying to install kubectl) the result is
     * a single FAILING test with the reason - never a skip, never a pass, never an empty (silently green) factory.
     */
    static Stream<DynamicTest> forEachTarget(Function<Rendered, Stream<DynamicTest>> tests) {
        Optional<String> unavailable = unavailable();
        if (unavailable.isPresent()) {
            return Stream.of(DynamicTest.dynamicTest("kustomize unavailable", () -> {
                throw new AssertionError(unavailable.get());
            }));
        }
        return all().values().stream().flatMap(tests);
    }

    /** Shorthand: one test per target. */
    static Stream<DynamicTest> eachTarget(TargetCheck test) {
        return forEachTarget(rendered -> Stream.of(DynamicTest.dynamicTest(rendered.target(), () -> test.check(rendered))));
    }

    /** Why rendering cannot run here, if it cannot. */
    static synchronized Optional<String> unavailable() {
        if (command == null && onPath("kubectl").isEmpty() && onPath("kustomize").isEmpty()) {
            installKubectl();
        }
        if (command == null) {
            Optional<String> kubectl = onPath("kubectl");
            Optional<String> kustomize = onPath("kustomize");
            if (kubectl.isPresent()) {
                String version = embeddedKustomizeVersion(kubectl.get());
                if (version.matches("v([5-9]|\\d{2,})\\..*")) {
                    command = List.of(kubectl.get(), "kustomize");
                } else if (kustomize.isEmpty()) {
                    return Optional.of(kubectl.get() + " embeds kustomize " + version + "; components, labels and origin "
                            + "annotations need kustomize 5 (kubectl >= 1.27): the manifests were NOT rendered or validated.");
                }
            }
            if (command == null && kustomize.isPresent()) {
                command = List.of(kustomize.get(), "build");
            }
            if (command == null) {
                return Optional.of("Neither kubectl nor kustomize is on PATH (or $KUBECTL), and installing kubectl with apt "
                        + "did not work: the manifests were NOT rendered or validated. Install kubectl >= 1.27 (apt-get install "
                        + "kubectl) to run these tests. Install attempt:\n" + String.join("\n", installLog));
            }
        }
        return Optional.empty();
    }

    /** A check of one rendered target. */
    @FunctionalInterface
    interface TargetCheck {
        void check(Rendered rendered) throws Throwable;
    }

    private static List<String> installLog = List.of();

    /**
     * The machine has no kubectl: install it with apt (package kubectl where a Kubernetes apt repository is configured,
     * else Debian's kubernetes-client), as root only. Whatever happens is reported if rendering stays impossible.
     */
    private static void installKubectl() {
        List<String> log = new ArrayList<>();
        Path dir = root();
        if (new File("/usr/bin/apt-get").canExecute()) {
            Promtool.run(dir, log, "apt-get", "update");
            if (!Promtool.run(dir, log, "apt-get", "install", "-y", "kubectl")) {
                Promtool.run(dir, log, "apt-get", "install", "-y", "kubernetes-client");
            }
        } else {
            log.add("no apt-get on this machine");
        }
        installLog = log;
    }

    private static String embeddedKustomizeVersion(String kubectl) {
        try {
            Process process = new ProcessBuilder(kubectl, "version", "--client", "-o", "json").start();
            JsonNode version = YAML.readTree(process.getInputStream());
            process.waitFor(30, TimeUnit.SECONDS);
            return version == null ? "(unknown)" : version.path("kustomizeVersion").asText("(none)");
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static Optional<String> onPath(String binary) {
        String override = System.getenv("KUBECTL");
        if (binary.equals("kubectl") && override != null && new File(override).canExecute()) {
            return Optional.of(override);
        }
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/local/bin"
                + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, binary);
            if (candidate.canExecute()) {
                return Optional.of(candidate.getAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static Rendered render(String target, List<String> resources, List<String> components) {
        try {
            Path work = root().resolve("deploy-tests/target/kustomize").resolve(target.replace('+', '_'));
            Files.createDirectories(work);
            StringBuilder kustomization = new StringBuilder("""
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    buildMetadata: [originAnnotations]
                    resources:
                    """);
            resources.forEach(r -> kustomization.append("  - ").append(relative(work, r)).append('\n'));
            if (!components.isEmpty()) {
                kustomization.append("components:\n");
                components.forEach(c -> kustomization.append("  - ").append(relative(work, c)).append('\n'));
            }
            Files.writeString(work.resolve("kustomization.yaml"), kustomization);
            return new Rendered(target, parse(target, work, run(work)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot render " + target, e);
        }
    }

    private static String relative(Path from, String repoPath) {
        return from.relativize(root().resolve(repoPath)).toString();
    }

    private static String run(Path dir) throws IOException {
        List<String> invocation = new ArrayList<>(command);
        invocation.add(dir.toString());
        Process process = new ProcessBuilder(invocation).redirectErrorStream(false).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kustomize failed for " + dir + ":\n" + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Manifest> parse(String target, Path work, String yaml) throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                manifests.add(new Manifest(target, originOf(work, document), document));
            }
        }
        return manifests;
    }

    /** Reads and strips the origin annotation: "path: ../../../deploy/base/x.yaml" becomes "deploy/base/x.yaml". */
    private static String originOf(Path work, JsonNode document) throws IOException {
        JsonNode annotations = document.path("metadata").path("annotations");
        if (!(annotations instanceof ObjectNode map) || !map.has(ORIGIN)) {
            return "(unknown file)";
        }
        JsonNode origin = YAML.readTree(map.remove(ORIGIN).asText());
        if (map.isEmpty()) {
            ((ObjectNode) document.path("metadata")).remove("annotations");
        }
        String path = origin.hasNonNull("path") ? origin.get("path").asText()
                : origin.path("configuredIn").asText("(generated)") + " (generator)";
        String file = path.contains(" ") ? path.substring(0, path.indexOf(' ')) : path;
        String suffix = path.substring(file.length());
        return root().relativize(work.resolve(file).normalize()) + suffix;
    }
}
