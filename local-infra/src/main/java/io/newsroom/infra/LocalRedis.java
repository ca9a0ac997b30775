package io.newsroom.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis (Debian's {@code redis-server} package, installed with apt-get when missing and this JVM is root) as
 * a child process on a loopback port: no persistence ({@code --save '' --appendonly no}), no password, stopped when
 * this JVM exits (a watchdog shell stops it when its stdin pipe closes, so even {@code kill -9} of the JVM does).
 * No Maven Central artifact ships a current Redis server binary for Linux, hence the distribution package.
 */
public final class LocalRedis {

    private static final Logger log = LoggerFactory.getLogger(LocalRedis.class);
    private static final SharedInstance<LocalRedis> SHARED = new SharedInstance<>(LocalRedis::startShared);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> BINARIES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
            "/usr/sbin/redis-server");

    private static final String WATCHDOG = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            server=$!
            { cat <&3 >/dev/null; kill -TERM "$server" 2>/dev/null; } &
            exec 3<&-
            wait "$server"
            """;

    private final Path dir;
    private final int port;
    private Process watchdog;
    private String version = "?";

    private LocalRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The JVM-wide server for tests: random free loopback port, stopped when the JVM exits. */
    public static LocalRedis shared() {
        return SHARED.get();
    }

    /** A server of its own on a random port (e.g. to stop it in a test without disturbing others). */
    public static LocalRedis startNew() {
        return start(LoopbackPorts.free());
    }

    /** A server on a fixed port (devstack); still without persistence: rate-limit buckets are short-lived. */
    public static LocalRedis onPort(int port) {
        return start(port);
    }

    private static LocalRedis startShared() {
        return start(LoopbackPorts.free());
    }

    private static LocalRedis start(int port) {
        Path dir = TempDirs.create("newsroom-redis-");
        LocalRedis redis = new LocalRedis(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.stop();
            TempDirs.delete(dir);
        }, "local-redis-shutdown"));
        redis.start();
        return redis;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public String uri() {
        return "redis://" + host() + ":" + port;
    }

    public String version() {
        return version;
    }

    private synchronized void start() {
        Path binary = binary();
        Path consoleLog = dir.resolve("redis.log");
        try {
            version = versionOf(binary);
            watchdog = new ProcessBuilder("bash", "-c", WATCHDOG, "redis-watchdog", binary.toString(),
                    "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", dir.toString(), "--protected-mode", "yes", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            awaitPong();
        }
        catch (IOException | RuntimeException ex) {
            stop();
            throw new IllegalStateException("Redis did not start on port " + port + ": " + ex.getMessage()
                    + "\n--- " + consoleLog + " ---\n" + read(consoleLog), ex);
        }
        log.info("Redis {} started on {}", version, uri());
    }

    /** Stops the server; a no-op when stopped. */
    public synchronized void stop() {
        if (watchdog == null) {
            return;
        }
        Process process = watchdog;
        watchdog = null;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
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

    private void awaitPong() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!watchdog.isAlive()) {
                throw new IllegalStateException("the process exited with status " + watchdog.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] answer = new byte[7];
                int read = in.readNBytes(answer, 0, 7);
                if (read == 7 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new IllegalStateException("no PONG after " + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    /** The installed redis-server, installing Debian's package first when it is missing and we may. */
    static synchronized Path binary() {
        for (String candidate : BINARIES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("redis-server is not installed: sudo apt-get install -y redis-server");
        }
        log.info("redis-server missing: installing Debian's redis-server package");
        run(List.of("apt-get", "install", "-y", "-qq", "redis-server"), false);
        if (!Files.isExecutable(Path.of(BINARIES.getFirst()))) {
            run(List.of("apt-get", "update", "-qq"), true);
            run(List.of("apt-get", "install", "-y", "-qq", "redis-server"), true);
        }
        return Path.of(BINARIES.getFirst());
    }

    private static void run(List<String> command, boolean mustSucceed) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 && mustSucceed) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String versionOf(Path binary) throws IOException {
        Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int v = out.indexOf("v=");
        return v < 0 ? out.trim() : out.substring(v + 2).split("\\s+")[0];
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no log)";
        }
        catch (IOException ex) {
            return "(unreadable)";
        }
    }
}
