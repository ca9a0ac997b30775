package io.newsroom.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch 8.19 node (the minimal integ-test distribution from Maven Central) running as a
 * child process on loopback: single node, security off, disk watermarks off, 512 MB heap.
 *
 * <p>Elasticsearch refuses to run as root, so when this JVM is root the node runs in a user namespace
 * where it is uid 1000 but keeps root's access to its files. A small shell wrapper stops the node when
 * its stdin (a pipe from this JVM) closes, so the node dies with this JVM even on {@code kill -9}.
 */
public final class LocalElasticsearch {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final SharedInstance<LocalElasticsearch> SHARED = new SharedInstance<>(LocalElasticsearch::startShared);

    /**
     * Runs the node in the background, stops it with SIGTERM once stdin reaches EOF (this JVM closed the
     * pipe or died), and exits with the node's status. Background jobs of a non-interactive shell read
     * /dev/null, hence the pipe is handed to {@code cat} explicitly as fd 3.
     */
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            node=$!
            { cat <&3 >/dev/null; kill -TERM "$node" 2>/dev/null; } &
            exec 3<&-
            wait "$node"
            """;

    private final ElasticsearchDistribution distribution;
    private final Path instanceDir;
    private final int port;
    private final List<String> jvmOptions;
    private Process watchdog;

    private LocalElasticsearch(ElasticsearchDistribution distribution, Path instanceDir, int port, List<String> jvmOptions) {
        this.distribution = distribution;
        this.instanceDir = instanceDir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The JVM-wide node for tests: random free port, temp data, stopped and deleted when the JVM exits. */
    public static LocalElasticsearch shared() {
        return SHARED.get();
    }

    private static LocalElasticsearch startShared() {
        Path dir = TempDirs.create("newsroom-elasticsearch-");
        LocalElasticsearch node = new LocalElasticsearch(ElasticsearchDistribution.installed(), dir, LoopbackPorts.free(), List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.stop();
            TempDirs.delete(dir);
        }, "local-elasticsearch-shutdown"));
        node.start();
        return node;
    }

    /**
     * A node that keeps its data directory between runs (devstack).
     *
     * @param jvmOptions added to the node's own (its {@code config/jvm.options}), e.g. devstack's start-up flags
     */
    public static LocalElasticsearch persistent(Path dataDir, int port, List<String> jvmOptions) {
        LocalElasticsearch node = new LocalElasticsearch(ElasticsearchDistribution.installed(),
                dataDir.toAbsolutePath(), port, jvmOptions);
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "local-elasticsearch-shutdown"));
        node.start();
        return node;
    }

    /** For example {@code http://127.0.0.1:19200}. */
    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts the node (a no-op while it runs) and waits until the cluster is yellow or green. After {@link #stop()}
     * it starts again on the same port and data directory, with every index it had (a fault drill).
     */
    public synchronized void start() {
        if (watchdog != null) {
            return;
        }
        long started = System.nanoTime();
        Path consoleLog = instanceDir.resolve("console.log");
        try {
            prepareInstanceDirs();
            awaitPortReleased();
            ProcessBuilder builder = new ProcessBuilder(command())
                    .directory(instanceDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            environment(builder);
            watchdog = builder.start();
            awaitHealthy(consoleLog);
        }
        catch (IOException | RuntimeException ex) {
            stop();
            throw new IllegalStateException("Elasticsearch did not start on " + httpUri() + ": " + ex.getMessage()
                    + "\n--- last lines of " + consoleLog + " ---\n" + tail(consoleLog), ex);
        }
        log.info("Elasticsearch {} started on {} in {} ms (data {})", distribution.version(), httpUri(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), instanceDir);
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s); a no-op when stopped. */
    public synchronized void stop() {
        if (watchdog == null) {
            return;
        }
        Process process = watchdog;
        watchdog = null;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (IOException ex) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "elasticsearch-watchdog"));
        if (runningAsRoot()) {
            command.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        }
        command.add(distribution.launcher().toString());
        settings().forEach((name, value) -> command.add("-E" + name + "=" + value));
        return command;
    }

    private Map<String, String> settings() {
        return Map.of(
                "cluster.name", "newsroom-local",
                "node.name", "local",
                "discovery.type", "single-node",
                "network.host", "127.0.0.1",
                "http.port", Integer.toString(port),
                "path.data", instanceDir.resolve("data").toString(),
                "path.logs", instanceDir.resolve("logs").toString(),
                "xpack.security.enabled", "false",
                // A nearly full developer disk must not turn every index read-only.
                "cluster.routing.allocation.disk.threshold_enabled", "false");
    }

    private void environment(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", instanceDir.resolve("config").toString());
        env.put("ES_JAVA_OPTS", String.join(" ", Stream.concat(Stream.of("-Xms512m", "-Xmx512m"), jvmOptions.stream()).toList()));
        // The launcher JVM in front of the node (it reads the options, starts the node and waits) never runs long
        // enough for C2 to pay off: C1 only saves 2-3 s of CPU per start here.
        env.put("CLI_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        // Options meant for this JVM (agents, debug ports) must not leak into the node's JVMs.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
    }

    /** Each instance gets its own copy of config/, because the node writes its keystore there. */
    private void prepareInstanceDirs() throws IOException {
        Path config = instanceDir.resolve("config");
        Files.createDirectories(instanceDir.resolve("data"));
        Files.createDirectories(instanceDir.resolve("logs"));
        if (!Files.isRegularFile(config.resolve("elasticsearch.yml"))) {
            copyTree(distribution.configTemplate(), config);
        }
    }

    /** A node from a previous run may still be shutting down (it stops once its old JVM is gone). */
    private void awaitPortReleased() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!LoopbackPorts.isFree(port) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
        }
    }

    private void awaitHealthy(Path consoleLog) {
        URI health = httpUri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                if (!watchdog.isAlive()) {
                    throw new IllegalStateException("the process exited with status " + watchdog.exitValue());
                }
                if (healthy(http, health)) {
                    return;
                }
                sleep(Duration.ofMillis(250));
            }
        }
        throw new IllegalStateException("no yellow/green cluster health within " + STARTUP_TIMEOUT);
    }

    private static boolean healthy(HttpClient http, URI health) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return response.statusCode() == 200
                    && (body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\""));
        }
        catch (IOException ex) {
            return false; // not listening yet
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", ex);
        }
    }

    private static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static String tail(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        }
        catch (IOException | UncheckedIOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(path, destination);
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", ex);
        }
    }
}
