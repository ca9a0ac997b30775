package io.newsroom.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real trace store for the local platform: Zipkin's server (the exec jar {@code io.zipkin:zipkin-server} from Maven
 * Central, copied into devstack/target/trace-store by the build), in-memory storage, its own JVM. The services send
 * their spans to {@link #spansEndpoint()}; a reader opens {@link #url()} to follow one publish through the services.
 */
final class TraceStore {

    static final int DEFAULT_PORT = 9411;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private TraceStore(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The Zipkin server jar: devstack's build copies it; the local Maven repository has it once resolved. */
    static Path jar(Path root) {
        Path copied = root.resolve("devstack/target/trace-store/zipkin-server.jar");
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        throw new DevstackException("no Zipkin server jar at " + copied + ": build devstack first (`./mvnw -pl devstack package`"
                + " copies io.zipkin:zipkin-server:exec there)");
    }

    static TraceStore start(Path jar, int port, Path log) {
        // Nothing waits for Zipkin until the end of the start: it yields the CPU to what does (ServiceProcess)
        List<String> command = new ArrayList<>(ServiceProcess.OFF_THE_CRITICAL_PATH);
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("STORAGE_TYPE", "mem");
        builder.environment().put("QUERY_PORT", Integer.toString(port));
        // Keep the in-memory store small: a local platform, not a load test.
        builder.environment().put("MEM_MAX_SPANS", "200000");
        try {
            Files.createDirectories(log.getParent());
            System.out.printf("devstack: starting %-16s on port %d (log: %s)%n", "zipkin", port, log);
            return new TraceStore(builder.start(), port);
        } catch (IOException e) {
            throw new DevstackException("cannot start Zipkin: " + e.getMessage(), e);
        }
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevstackException("Zipkin exited during start-up (exit code " + process.exitValue() + ")");
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for Zipkin", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for Zipkin", e);
            }
        }
        throw new DevstackException("Zipkin not ready on port " + port + " after " + timeout);
    }

    /** The Zipkin UI. */
    String url() {
        return "http://localhost:" + port + "/zipkin/";
    }

    /** Where services send spans (Zipkin v2 JSON). */
    String spansEndpoint() {
        return "http://localhost:" + port + "/api/v2/spans";
    }

    /** Zipkin's query API for one trace. */
    URI trace(String traceId) {
        return URI.create("http://localhost:" + port + "/api/v2/trace/" + traceId);
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
