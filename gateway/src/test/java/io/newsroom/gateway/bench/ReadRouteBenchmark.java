package io.newsroom.gateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The same read route (an article by slug) three ways on loopback, in one run: straight to the service, through
 * the gateway, and through nginx as a plain reverse proxy. The "service" is a Reactor Netty stand-in answering a
 * fixed ~2 KB article, so the figures show what each proxy adds, not how fast article-service's database is.
 *
 * <p>Run with {@code gateway/bench/run-benchmark.sh} (installs nginx if missing). Settings as system properties:
 * {@code bench.seconds} (15), {@code bench.warmup} (8, seconds per warm-up round), {@code bench.warmup-requests}
 * (30000: warm-up rounds repeat until this many requests were served), {@code bench.concurrency} (32).
 */
public final class ReadRouteBenchmark {

    private static final String SLUG = "israel-votes";

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        int warmup = Integer.getInteger("bench.warmup", 8);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int warmupRequests = Integer.getInteger("bench.warmup-requests", 30_000);

        DisposableServer service = startService();
        String direct = "http://127.0.0.1:" + service.port() + "/articles/" + SLUG;
        Path work = Files.createTempDirectory("newsroom-bench");
        Process gateway = null;
        Process nginx = null;
        try {
            int gatewayPort = freePort();
            int managementPort = freePort();
            gateway = startGateway(gatewayPort, managementPort, service.port(), work);
            int nginxPort = freePort();
            nginx = startNginx(nginxPort, service.port(), work);
            awaitUp("http://127.0.0.1:" + managementPort + "/actuator/health/readiness", gateway, work.resolve("gateway.log"));
            awaitUp("http://127.0.0.1:" + nginxPort + "/api/v1/articles/" + SLUG, nginx, work.resolve("nginx-error.log"));

            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", direct);
            targets.put("gateway", "http://127.0.0.1:" + gatewayPort + "/api/v1/articles/" + SLUG);
            targets.put("nginx", "http://127.0.0.1:" + nginxPort + "/api/v1/articles/" + SLUG);

            System.out.printf("Read route GET /api/v1/articles/{slug}; %d connections, %d s warm-up + %d s measured "
                    + "per target; %d CPUs%n", concurrency, warmup, seconds, Runtime.getRuntime().availableProcessors());
            Map<String, LoadGenerator.Result> results = new LinkedHashMap<>();
            for (var target : targets.entrySet()) {
                warmUp(target.getValue(), concurrency, Duration.ofSeconds(warmup), warmupRequests);
                results.put(target.getKey(), LoadGenerator.run(target.getValue(), concurrency, Duration.ofSeconds(seconds)));
            }
            report(results);
        } finally {
            stop(gateway);
            stop(nginx);
            service.disposeNow();
        }
    }

    /** A fresh JVM needs tens of thousands of requests before the JIT has compiled the hot path. */
    private static void warmUp(String url, int concurrency, Duration atLeast, int requests) {
        long served = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        do {
            served += LoadGenerator.run(url, concurrency, atLeast).requests();
        } while (served < requests && System.nanoTime() < deadline);
    }

    private static void report(Map<String, LoadGenerator.Result> results) {
        System.out.printf("%n%-8s %10s %10s %9s %9s %8s%n", "target", "requests", "req/s", "p50 ms", "p99 ms", "errors");
        results.forEach((name, r) -> System.out.printf("%-8s %10d %10.0f %9.3f %9.3f %8d%n",
                name, r.requests(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors()));
        LoadGenerator.Result direct = results.get("direct");
        LoadGenerator.Result gateway = results.get("gateway");
        LoadGenerator.Result nginx = results.get("nginx");
        System.out.printf("%nratios          req/s     p50      p99%n");
        System.out.printf("gateway/direct  %5.2f   %6.2f   %6.2f%n", gateway.perSecond() / direct.perSecond(),
                gateway.p50Millis() / direct.p50Millis(), gateway.p99Millis() / direct.p99Millis());
        System.out.printf("gateway/nginx   %5.2f   %6.2f   %6.2f%n", gateway.perSecond() / nginx.perSecond(),
                gateway.p50Millis() / nginx.p50Millis(), gateway.p99Millis() / nginx.p99Millis());
    }

    private static DisposableServer startService() {
        byte[] article = ("{\"id\":\"5f0c1d2e-0000-4000-8000-000000000001\",\"slug\":\"" + SLUG + "\","
                + "\"headline\":\"Israel votes in a tight race\",\"standfirst\":\"Polls close at ten\","
                + "\"dateline\":{\"place\":\"Jerusalem\"},\"byline\":[{\"name\":\"Dana Levi\"}],"
                + "\"body\":\"" + "<p>The polling stations opened at seven.</p>".repeat(40) + "\","
                + "\"section\":\"world\",\"tags\":[\"israel\",\"elections\"],\"commentsEnabled\":true,\"version\":3}")
                .getBytes(StandardCharsets.UTF_8);
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/articles/{slug}", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .header("Cache-Control", "max-age=60, public")
                        .send(reactor.core.publisher.Mono.fromSupplier(() -> Unpooled.wrappedBuffer(article)))))
                .bindNow();
    }

    private static Process startGateway(int port, int managementPort, int servicePort, Path work) throws IOException {
        String service = "http://127.0.0.1:" + servicePort;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx1g"));
        String extra = System.getProperty("bench.gateway-jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.newsroom.gateway.GatewayApplication",
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--newsroom.gateway.services.article=" + service,
                "--newsroom.gateway.services.comment=" + service,
                "--newsroom.gateway.services.search=" + service,
                // One client address would hit the read limit at once; the limiter itself costs one map lookup.
                "--newsroom.gateway.rate-limits.enabled=false",
                // The access log stays on in production (JSON, async appenders); here it would only measure the console.
                "--logging.level.io.newsroom.gateway.access=WARN",
                "--spring.main.banner-mode=off"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway.log").toFile()).start();
    }

    private static Process startNginx(int port, int servicePort, Path work) throws IOException {
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String config = user + """
                worker_processes auto;
                error_log %1$s/nginx-error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream article_service {
                        server 127.0.0.1:%2$d;
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location /api/v1/articles/ {
                            proxy_pass http://article_service/articles/;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                }
                """.formatted(work, servicePort, port);
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, config);
        return new ProcessBuilder(nginxBinary(), "-p", work.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx not found: run gateway/bench/run-benchmark.sh (it installs nginx)");
    }

    private static void awaitUp(String url, Process process, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited early, see " + log + ":\n" + tail(log));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not up after 90 s: " + url + "\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
