package io.newsroom.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's AOT cache made as {@code deploy/images/Dockerfile} makes it, on this machine: the jar extracted into its
 * layers, the layers copied into one directory (the image's {@code /app}), then {@code deploy/images/aot-training.sh}
 * with no data store reachable (an image build has none: every data store the services know is pointed at a closed
 * port). Used by {@link ImageAotTrainingIT} and by {@link StartupBenchmark}'s {@code image} starts.
 *
 * @param app the image's {@code /app}: {@code app.jar}, {@code lib/} and {@code app.aot}
 */
record ImageAotCache(Path app) {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern JAVA_TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

    static ImageAotCache build(Path root, String module, Path work, String java, Path log) throws IOException {
        Path extract = Files.createDirectories(work.resolve("extract"));
        Files.copy(root.resolve(module + "/target/" + module + ".jar"), extract.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
        AotCache.deleteTree(extract.resolve("layers"));
        AotCache.run(List.of(java, "-Djarmode=tools", "-jar", extract.resolve("app.jar").toString(), "extract", "--layers",
                "--destination", extract.resolve("layers").toString()), Map.of(), log, TIMEOUT, "extracting " + module);
        Path app = work.resolve("app");
        AotCache.deleteTree(app);
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            copyTree(extract.resolve("layers").resolve(layer), app);
        }
        var environment = new HashMap<>(noDataStores());
        environment.put("JAVA", java);
        environment.put("JAVA_TOOL_OPTIONS", javaToolOptions(root)); // in effect during the Dockerfile's training run
        var image = new ImageAotCache(app);
        AotCache.run(List.of("sh", root.resolve("deploy/images/aot-training.sh").toString(), app.resolve("app.jar").toString(),
                image.cache().toString()), environment, log, TIMEOUT, "aot-training.sh of " + module);
        return image;
    }

    Path cache() {
        return app.resolve("app.aot");
    }

    /** The Dockerfile's own {@code ENV JAVA_TOOL_OPTIONS}, read from it rather than copied here. */
    private static String javaToolOptions(Path root) throws IOException {
        Matcher env = JAVA_TOOL_OPTIONS.matcher(Files.readString(root.resolve("deploy/images/Dockerfile")));
        if (!env.find()) {
            throw new IllegalStateException("no ENV JAVA_TOOL_OPTIONS in deploy/images/Dockerfile");
        }
        return env.group(1);
    }

    /** The image's entry point: {@code java -XX:AOTCache=app.aot -jar app.jar}, after {@code jvmFlags}. */
    List<String> launchArguments(List<String> jvmFlags) {
        var arguments = new ArrayList<>(jvmFlags);
        arguments.addAll(List.of("-XX:AOTCache=" + cache(), "-jar", app.resolve("app.jar").toString()));
        return arguments;
    }

    /** Every data store the services are configured for, on a port nothing listens on. */
    static Map<String, String> noDataStores() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + closed;
        return Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + address + "/none",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", address,
                "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", address,
                "SPRING_ELASTICSEARCH_URIS", "http://" + address,
                "SPRING_DATA_REDIS_HOST", "127.0.0.1",
                "SPRING_DATA_REDIS_PORT", String.valueOf(closed),
                "SERVER_PORT", "0",
                "MANAGEMENT_SERVER_PORT", "0");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return; // snapshot-dependencies is empty for a release
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
