package io.newsroom.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds promtool, or installs it: Debian's {@code prometheus} package ships it. Without root or apt the test fails with
 * what to install - it never skips. The package is only downloaded and unpacked into target/ (the Prometheus server
 * is neither installed nor started).
 */
final class Promtool {

    private static Path binary;

    private Promtool() {
    }

    static synchronized Path get() {
        if (binary != null) {
            return binary;
        }
        String override = System.getenv("PROMTOOL");
        for (String candidate : new String[] {override, "/usr/bin/promtool", "/usr/local/bin/promtool"}) {
            if (candidate != null && new File(candidate).canExecute()) {
                return binary = Path.of(candidate);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "promtool").canExecute()) {
                return binary = Path.of(dir, "promtool");
            }
        }
        Path home = Kustomize.root().resolve("deploy-tests/target/promtool");
        Path unpacked = home.resolve("root/usr/bin/promtool");
        if (Files.isExecutable(unpacked)) {
            return binary = unpacked;
        }
        List<String> log = new ArrayList<>();
        try {
            Files.createDirectories(home);
            if (!run(home, log, "apt-get", "download", "prometheus")) {
                run(home, log, "apt-get", "update");
                run(home, log, "apt-get", "download", "prometheus");
            }
            try (Stream<Path> files = Files.list(home)) {
                Path deb = files.filter(f -> f.getFileName().toString().matches("prometheus_.*\\.deb")).findFirst()
                        .orElseThrow(() -> new AssertionError("apt-get download prometheus produced no .deb"));
                run(home, log, "dpkg-deb", "-x", deb.toString(), home.resolve("root").toString());
            }
        } catch (IOException | AssertionError e) {
            log.add(e.toString());
        }
        if (!Files.isExecutable(unpacked)) {
            throw new AssertionError("promtool is needed to check the alert rules and was not found (PATH, $PROMTOOL, "
                    + "/usr/bin) nor could it be fetched from Debian's 'prometheus' package (apt-get download prometheus "
                    + "&& dpkg-deb -x). Install it: apt-get install -y prometheus. Log:\n" + String.join("\n", log));
        }
        return binary = unpacked;
    }

    /** Runs a command in dir; true on exit 0. Output goes to the log. */
    static boolean run(Path dir, List<String> log, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            log.add("$ " + String.join(" ", command) + "\n" + out);
            return done && process.exitValue() == 0;
        } catch (IOException e) {
            log.add("$ " + String.join(" ", command) + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
