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

    static ServiceProcess launch(PlatformService service, Map<String, String> environment, DevstackSettings settings) {
        Path jar = settings.serviceJar(service.name());
        Path log = settings.logFile(service.name());
        var command = new ArrayList<>(List.of(javaExecutable(),
                // small, quick-starting JVMs: six of them share two cores on a laptop-sized machine
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(service.port()));
        try {
            System.out.printf("devstack: starting %-16s on port %d%s (log: %s)%n", service.name(), service.port(),
                    service.hasManagementPort() ? ", management " + service.managementPort() : "", log);
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new DevstackException("cannot start " + service.name() + ": " + e.getMessage(), e);
        }
    }

    /** The same JDK devstack runs on: the build chose it (21+), the machine default may be older. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void onUnexpectedExit(Consumer<ServiceProcess> handler) {
        unexpectedExit = handler;
    }

    void awaitReady(Duration timeout) {
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
                    System.out.printf("devstack: %-16s ready at %s%n", service.name(), service.baseUrl());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for " + service.name());
            }
            sleep(Duration.ofMillis(500));
        }
        throw new DevstackException("%s was not ready within %d s. Last log lines:%n%s"
                .formatted(service.name(), timeout.toSeconds(), logTail()));
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
        stopping = true;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println("devstack: " + service.name() + " did not stop in 30 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL (destroyForcibly on Unix), waiting until the process is gone. */
    void kill() {
        stopping = true;
        try {
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
