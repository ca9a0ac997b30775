package io.newsroom.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * devstack as a developer runs it, as its own process ({@code ./mvnw -Pdevstack} starts the same main class), stopped
 * the way a terminal, Maven or a process manager stops it: SIGTERM. It must stop every process it started, exit 0
 * (Maven then reports no "BUILD FAILURE ... exit 143") with its one "stopped" line, and keep the data. The durations
 * are printed, not asserted (a loaded machine); the bound that matters is in the code (6 s grace, then SIGKILL).
 *
 * <p>Runs first, before the shared platform of the other platform tests takes the same ports ({@link RunningPlatform}).
 */
@Order(0)
class DevstackStopIT {

    private static final Path HOME = home();

    @Test
    void sigtermStopsEveryProcessItStartedExitsCleanlyAndKeepsTheData() throws Exception {
        Path root = Path.of(System.getProperty("newsroom.devstack.root", "..")).toAbsolutePath().normalize();
        Path out = Path.of("target", "devstack-stop-it.out").toAbsolutePath();
        Files.createDirectories(out.getParent());
        var command = List.of(ServiceProcess.javaExecutable(), "-Xmx1g",
                "-Dnewsroom.devstack.root=" + root, "-Dnewsroom.devstack.home=" + HOME, "-Dnewsroom.devstack.fresh=true",
                "-cp", System.getProperty("java.class.path"), Devstack.class.getName());
        long started = System.nanoTime();
        Process devstack = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitLine(devstack, out, "devstack: platform ready in ", Duration.ofMinutes(15)); // incl. the caches of a fresh clone
            System.out.printf("devstack-stop: platform ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
            List<ProcessHandle> children = devstack.descendants().toList();
            assertThat(children).as("the services, Elasticsearch, PostgreSQL, Redis and Zipkin run under devstack")
                    .hasSizeGreaterThanOrEqualTo(9);
            // pg_ctl detaches the postmaster (it is not a descendant): its pid file names it
            long postmasterPid = Long.parseLong(Files.readAllLines(HOME.resolve("postgres/postmaster.pid")).getFirst().trim());
            var postmaster = ProcessHandle.of(postmasterPid).orElseThrow();

            long stopping = System.nanoTime();
            devstack.destroy(); // SIGTERM
            assertThat(devstack.waitFor(90, TimeUnit.SECONDS)).as("devstack exited after SIGTERM").isTrue();
            double exited = (System.nanoTime() - stopping) / 1e9;
            for (var child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            System.out.printf("devstack-stop: exit %.1f s after SIGTERM, every child gone %.1f s after it%n",
                    exited, (System.nanoTime() - stopping) / 1e9);

            List<String> lines = Files.readAllLines(out);
            assertThat(devstack.exitValue()).as("exit code after SIGTERM (see %s)", out).isZero();
            assertThat(children).as("processes devstack started").noneMatch(ProcessHandle::isAlive);
            assertThat(postmaster.isAlive()).as("PostgreSQL").isFalse();
            assertThat(lines).as("its one stop line").filteredOn(l -> l.matches("devstack: stopped in \\d+\\.\\d s; data kept in .*"))
                    .hasSize(1);
            assertThat(HOME.resolve("postgres/PG_VERSION")).as("PostgreSQL's data").isRegularFile();
            assertThat(HOME.resolve("kafka")).as("Kafka's log directory").isDirectory();
            assertThat(HOME.resolve("elasticsearch")).as("Elasticsearch's data").isDirectory();
        } finally {
            devstack.descendants().forEach(ProcessHandle::destroyForcibly);
            devstack.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void deleteData() throws IOException {
        try (Stream<Path> paths = Files.walk(HOME)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void awaitLine(Process process, Path out, String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readAllLines(out).stream().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            assertThat(process.isAlive()).as("devstack still running while starting (see %s)", out).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + prefix + "' within " + timeout + "; see " + out);
    }

    private static Path home() {
        try {
            return Files.createTempDirectory(Path.of("/var/tmp"), "newsroom-devstack-stop-it-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
