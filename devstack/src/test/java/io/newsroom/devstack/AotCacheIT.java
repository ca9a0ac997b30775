package io.newsroom.devstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The AOT cache devstack starts every service from, on a real service jar (auth-server's, built by this reactor: it
 * needs no infrastructure): the training run writes a cache, the JVM then maps it and starts the service from it, a jar
 * rebuilt with the same classes keeps it, a jar with other content makes it stale.
 */
class AotCacheIT {

    private static final List<String> FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @Test
    void trainsOnceStartsFromTheCacheAndNoticesAChangedJar() throws Exception {
        String java = ServiceProcess.javaExecutable();
        assumeThat(AotCache.supported(java)).as("JDK 25 (the one-step AOT cache)").isTrue();
        Path root = Path.of(System.getProperty("newsroom.devstack.root", "..")).toAbsolutePath().normalize();
        Path original = root.resolve("auth-server/target/auth-server.jar");
        Path work = Files.createDirectories(Path.of("target", "aot-cache-it").toAbsolutePath());
        Path jar = work.resolve("auth-server.jar");
        Files.copy(original, jar, StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        var environment = Map.of("SERVER_PORT", String.valueOf(port), "NEWSROOM_AUTH_ISSUER", "http://localhost:" + port);

        var cache = AotCache.of("auth-server", jar, "it", FLAGS);
        long t0 = System.nanoTime();
        cache.train(java, environment, work.resolve("training.log"), Duration.ofMinutes(5));
        System.out.printf("aot-cache: trained in %.1f s, %d MB%n", (System.nanoTime() - t0) / 1e9, Files.size(cache.cache()) >> 20);
        assertThat(cache.cache()).isRegularFile();
        assertThat(cache.isCurrent(java)).isTrue();

        // the service starts from it, and the JVM says it mapped the cache, with no error about it
        var command = new ArrayList<>(List.of(java, "-Xlog:aot=info"));
        command.addAll(cache.launchArguments());
        var service = new PlatformService("auth-server", port, port, PlatformPlan.READINESS, infra -> environment);
        Path log = work.resolve("start.log");
        var process = ServiceProcess.launch(service, command, environment, log);
        try {
            process.awaitReady(Duration.ofMinutes(3), Duration.ofMillis(100), false);
        } finally {
            ServiceProcess.stopAll(List.of(process), Duration.ofSeconds(30));
        }
        String startLog = Files.readString(log);
        assertThat(startLog).contains("Opened AOT cache").doesNotContain("[error");

        // a rebuilt jar with the same classes (another time stamp) keeps its cache ...
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(cache.isCurrent(java)).as("same content, newer jar").isTrue();
        // ... a jar with other content does not
        try (var fs = FileSystems.newFileSystem(jar)) {
            Files.writeString(fs.getPath("META-INF", "aot-cache-it.txt"), "changed");
        }
        assertThat(cache.isCurrent(java)).as("other content").isFalse();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
