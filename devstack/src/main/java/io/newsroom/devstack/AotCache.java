package io.newsroom.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.ZipFile;

/**
 * A service's JDK AOT cache (JEP 483/514/515, JDK 25): the classes the service loads and links while it starts, and
 * their method profiles, mapped from one file instead of being read, verified and linked from jars on every start.
 *
 * <p>How Spring Boot documents it: the jar is extracted first ({@code java -Djarmode=tools -jar app.jar extract}; the
 * cache only holds classes from plain jars on the class path, not from a fat jar's nested ones), one training run
 * with {@code -XX:AOTCacheOutput} and {@code -Dspring.context.exit=onRefresh} (the context is created against the
 * real infrastructure, every bean built, and the JVM exits before it serves anything), then every start with
 * {@code -XX:AOTCache}. Kept in {@code <module>/target/aot/} beside the jar, remade when the jar's content, the JDK or
 * the flags change (a stamp file); a cache the JVM cannot use is ignored by it ({@code AOTMode=auto}), so a stale one costs time, never a
 * start.
 */
final class AotCache {

    private final String module;
    private final Path jar;
    private final Path dir;
    private final List<String> jvmFlags;

    private AotCache(String module, Path jar, String flavour, List<String> jvmFlags) {
        this.module = module;
        this.jar = jar;
        this.dir = jar.getParent().resolve("aot").resolve(flavour);
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /**
     * @param flavour  names the set of JVM flags ({@code devstack}, {@code production}): each has its own cache,
     *                 trained with those flags (heap size and GC decide what of the heap the cache can map)
     * @param jvmFlags the flags of the training run and of every start from the cache
     */
    static AotCache of(String module, Path jar, String flavour, List<String> jvmFlags) {
        return new AotCache(module, jar, flavour, jvmFlags);
    }

    /** The one-step training run ({@code -XX:AOTCacheOutput}) is JDK 25's; older JDKs start services from the jar. */
    static boolean supported(String java) {
        return javaFeatureVersion(java) >= 25;
    }

    boolean isCurrent(String java) {
        try {
            return Files.isRegularFile(cache()) && Files.isRegularFile(extractedJar())
                    && Files.readString(stamp()).equals(stampFor(java));
        } catch (IOException e) {
            return false;
        }
    }

    /** The arguments that start the service from the cache: the extracted jar (same class path as in training). */
    List<String> launchArguments() {
        var arguments = new ArrayList<>(jvmFlags);
        arguments.addAll(List.of("-XX:AOTCache=" + cache(), "-jar", extractedJar().toString()));
        return arguments;
    }

    /**
     * Extracts the jar and runs the training start: the service with {@code environment} (the infrastructure must be
     * up) until its context is refreshed; the JVM writes the cache as it exits. Throws if no cache was written (the
     * log says why).
     */
    void train(String java, Map<String, String> environment, Path log, Duration timeout) {
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.resolve("application").toString()),
                    Map.of(), log, Duration.ofMinutes(2), "extracting " + module);
            Path output = dir.resolve(module + ".aot.tmp");
            var command = new ArrayList<>(List.of(java));
            command.addAll(jvmFlags);
            command.addAll(List.of("-XX:AOTCacheOutput=" + output, "-Dspring.context.exit=onRefresh",
                    "-jar", extractedJar().toString()));
            run(command, environment, log, timeout, "training " + module);
            if (!Files.isRegularFile(output)) {
                throw new DevstackException("the training run of " + module + " wrote no AOT cache; see " + log);
            }
            Files.move(output, cache(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(stamp(), stampFor(java));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the AOT cache of " + module + " in " + dir, e);
        }
    }

    Path cache() {
        return dir.resolve(module + ".aot");
    }

    Path extractedJar() {
        return dir.resolve("application").resolve(jar.getFileName());
    }

    private Path stamp() {
        return dir.resolve("stamp");
    }

    /**
     * What the cache was made from: the jar's content (its entries' names and CRC-32s, so a jar rebuilt from the same
     * classes, as web's is on every build, keeps its cache), the JDK (the JVM refuses a cache from another JDK build)
     * and the flags.
     */
    private String stampFor(String java) throws IOException {
        var digest = new CRC32C();
        try (var zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update(ByteBuffer.allocate(16).putLong(entry.getCrc()).putLong(entry.getSize()).flip());
            });
        }
        return "%s %x %s %s".formatted(jar.getFileName(), digest.getValue(), Path.of(java).toRealPath(), String.join(" ", jvmFlags));
    }

    /** Runs a command to its end, its output appended to {@code log}; throws if it fails or outlasts {@code timeout}. */
    static void run(List<String> command, Map<String, String> environment, Path log, Duration timeout, String what) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new DevstackException(what + " took longer than " + timeout.toSeconds() + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new DevstackException(what + " failed (exit code " + process.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new DevstackException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException(what + " interrupted");
        }
    }

    private static int javaFeatureVersion(String java) {
        if (Path.of(java).toAbsolutePath().normalize().equals(currentJava())) {
            return Runtime.version().feature();
        }
        try {
            Process process = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return out.lines().map(String::trim).filter(l -> l.startsWith("java.specification.version = ")).findFirst()
                    .map(l -> Integer.parseInt(l.substring(l.indexOf('=') + 1).trim())).orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Path currentJava() {
        return Path.of(ProcessHandle.current().info().command().orElse("java")).toAbsolutePath().normalize();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
