package io.newsroom.infra.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Node-based contract tools for tests: a committed package.json + package-lock.json (pinned versions) under
 * src/test/node is copied to a directory under target/ and installed there with {@code npm ci} (from npm's
 * own cache when it has the packages). A fresh clone therefore needs only Node 20+ and npm on the PATH; a
 * missing Node fails the test with a message saying so, it never passes silently. Used by the contract lints
 * (events' AsyncAPI parser, devstack's Redocly).
 */
public final class NodeTools {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeTools() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Copies the tool sources into {@code target} and runs {@code npm ci} unless that lock file is already installed. */
    public static Path install(Path source, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path stamp = target.resolve("node_modules").resolve(".newsroom-installed-lock");
            String lock = Files.readString(target.resolve("package-lock.json"));
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(lock)) {
                return target;
            }
            // --ignore-scripts: the tools need no install scripts (and some only phone home).
            Result ci = run(target, INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
            if (ci.exitCode() != 0) {
                throw new IllegalStateException("npm ci in " + target + " failed (exit " + ci.exitCode() + "):\n" + ci.stdout() + ci.stderr());
            }
            Files.writeString(stamp, lock);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(Path directory, Duration timeout, String... command) {
        return run(directory, timeout, Map.of(), command);
    }

    /** @param environment added to the inherited environment (e.g. a tool's telemetry switch) */
    public static Result run(Path directory, Duration timeout, Map<String, String> environment, String... command) {
        try {
            Path out = Files.createTempFile("node-tool-", ".out");
            Path err = Files.createTempFile("node-tool-", ".err");
            Process process;
            try {
                var builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run `" + String.join(" ", command)
                        + "`: the contract lint tests need Node 20+ and npm on the PATH", e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` did not finish within " + timeout);
            }
            var result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static List<String> lines(String text) {
        var lines = new ArrayList<String>();
        text.lines().filter(line -> !line.isBlank()).forEach(lines::add);
        return lines;
    }
}
