package io.newsroom.devstack;

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
import java.util.function.Consumer;

/** A service running as its own JVM, as it would in production; its output goes to a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static volatile Consumer<ServiceProcess> unexpectedExit = dead -> { };

    private final PlatformService service;
    private final Process process;
    private final Path log;
    private volatile boolean stopping;

    private ServiceProcess(PlatformService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** devstack's JVMs: small and quick to start (C1 only, serial GC), as six of them share two cores. Not for production. */
    static final List<String> DEVSTACK_FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * Added to devstack's Elasticsearch node (its heap and G1 stay): C1 only. Its start is devstack's critical path
     * (search-service waits for it) and with C2 it took 22-25 s of CPU alone, 11-16 s without; queries on a developer's
     * few documents do not need C2's code.
     */
    static final List<String> ELASTICSEARCH_FLAGS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * What devstack puts in front of a process that is off its start's critical path (Elasticsearch, then
     * search-service): a lower CPU priority, so on a machine with few cores the critical path gets the CPU first and
     * the others take what is left. It stays for the process's life (only root may raise it again); on a developer's
     * machine that only matters under full load.
     */
    static final List<String> OFF_THE_CRITICAL_PATH = List.of("nice", "-n", "5");

    /** devstack's start: its flags, from the service's AOT cache when it has a current one, else from the jar. */
    static ServiceProcess launch(PlatformService service, Map<String, String> environment, DevstackSettings settings) {
        return launch(service, environment, settings, List.of());
    }

    /** As {@link #launch(PlatformService, Map, DevstackSettings)}, the command after {@code prefix} (e.g. {@link #OFF_THE_CRITICAL_PATH}). */
    static ServiceProcess launch(PlatformService service, Map<String, String> environment, DevstackSettings settings,
                                 List<String> prefix) {
        Path jar = settings.serviceJar(service.name());
        var cache = devstackCache(service.name(), jar);
        var command = new ArrayList<>(prefix);
        command.add(javaExecutable());
        boolean cached = cache.isCurrent(javaExecutable());
        if (cached) {
            command.addAll(cache.launchArguments());
        } else {
            command.addAll(DEVSTACK_FLAGS);
            command.addAll(List.of("-jar", jar.toString()));
        }
        Path log = settings.logFile(service.name());
        System.out.printf("devstack: starting %-16s on port %d%s (log: %s)%s%n", service.name(), service.port(),
                service.hasManagementPort() ? ", management " + service.managementPort() : "", log,
                cached ? "" : " without an AOT cache");
        return launch(service, command, environment, log);
    }

    static AotCache devstackCache(String module, Path jar) {
        return AotCache.of(module, jar, "devstack", DEVSTACK_FLAGS);
    }

    /** Starts {@code command} (a java command line) as the service's process, its output going to {@code log}. */
    static ServiceProcess launch(PlatformService service, List<String> command, Map<String, String> environment, Path log) {
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(service.port()));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new DevstackException("cannot start " + service.name() + ": " + e.getMessage(), e);
        }
    }

    /** The same JDK devstack runs on: the build chose it (21+), the machine default may be older. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void onUnexpectedExit(Consumer<ServiceProcess> handler) {
        unexpectedExit = handler;
    }

    void awaitReady(Duration timeout) {
        awaitReady(timeout, Duration.ofMillis(250), true);
    }

    /** Polls the readiness probe every {@code poll} until it answers 2xx; throws if the process exits or time is up. */
    void awaitReady(Duration timeout, Duration poll, boolean announce) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var probe = HttpRequest.newBuilder(URI.create(service.managementUrl() + service.readinessPath()))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevstackException("%s exited during start-up (exit code %d). Last log lines:%n%s"
                        .formatted(service.name(), process.exitValue(), logTail()));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    if (announce) {
                        System.out.printf("devstack: %-16s ready at %s%n", service.name(), service.baseUrl());
                    }
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for " + service.name());
            }
            sleep(poll);
        }
        throw new DevstackException("%s was not ready within %d s. Last log lines:%n%s"
                .formatted(service.name(), timeout.toSeconds(), logTail()));
    }

    long pid() {
        return process.pid();
    }

    void watchForUnexpectedExit() {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                unexpectedExit.accept(this);
            }
        });
    }

    /** SIGTERM lets Spring shut down gracefully (drain requests, flush the outbox); forced after 30 s. */
    void stop() {
        stopAll(List.of(this), Duration.ofSeconds(30));
    }

    /**
     * Stops the processes side by side: SIGTERM to each at once (Spring's graceful shutdown drains requests and
     * closes consumers), then SIGKILL, with its descendants, to whichever is still running when {@code grace} is
     * over. Returns once every one is gone. One after another, six JVMs took most of a minute.
     */
    static void stopAll(List<ServiceProcess> processes, Duration grace) {
        processes.forEach(p -> {
            p.stopping = true;
            p.process.destroy();
        });
        long deadline = System.nanoTime() + grace.toNanos();
        for (var p : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    System.err.printf("devstack: %s did not stop in %d s; killing it%n", p.name(), grace.toSeconds());
                    p.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.kill();
            }
        }
    }

    /** SIGKILL (destroyForcibly on Unix), waiting until the process is gone. */
    void kill() {
        stopping = true;
        try {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return service.name();
    }

    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
