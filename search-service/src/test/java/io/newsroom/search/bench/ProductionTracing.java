package io.newsroom.search.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's tracing as deploy/ runs it: production's sampling (deploy/base/apps/search-service/config.env), and its
 * sampled spans exported to a collector. Without it a benchmark measures the local default (every event and search
 * traced) and an exporter failing against a collector that is not there.
 */
final class ProductionTracing {

    private static final String SAMPLING = "MANAGEMENT_TRACING_SAMPLING_PROBABILITY=";
    private static HttpServer collector;

    private ProductionTracing() {
    }

    static synchronized List<String> arguments() {
        if (collector == null) {
            collector = startCollector();
        }
        return List.of("--management.tracing.sampling.probability=" + sampling(),
                "--management.tracing.export.zipkin.endpoint=http://127.0.0.1:" + collector.getAddress().getPort()
                        + "/api/v2/spans");
    }

    /** {@code bench.trace-sampling}, else what the Deployment's config.env says. */
    static String sampling() {
        String configured = System.getProperty("bench.trace-sampling");
        if (configured != null) {
            return configured;
        }
        Path config = deployConfig();
        try {
            return Files.readAllLines(config).stream().filter(line -> line.startsWith(SAMPLING))
                    .map(line -> line.substring(SAMPLING.length()).trim()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + SAMPLING + " in " + config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path deployConfig() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/base/apps/search-service/config.env");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/base/apps/search-service/config.env not found above "
                + Path.of("").toAbsolutePath() + "; set -Dbench.trace-sampling");
    }

    /** Zipkin's span API, accepting and dropping what it is sent (a collector's cost is not the service's). */
    private static HttpServer startCollector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/v2/spans", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
                    exchange.sendResponseHeaders(202, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
