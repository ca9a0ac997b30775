package io.newsroom.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.netty.buffer.Unpooled;
import io.newsroom.infra.LocalRedis;
import io.newsroom.infra.http.HttpTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The read route {@code GET /api/v1/articles/{slug}} four ways on loopback, in one run: straight to the service
 * ({@code direct}), through Spring Cloud Gateway with one route and nothing else ({@code scg-bare}, module
 * {@code bench/scg-bare}), through the gateway with its full production chain ({@code gateway}: security, CORS,
 * request id, security headers, rate limit on Redis, circuit breaker, retry, metrics, access log) and through nginx
 * as a plain keep-alive reverse proxy ({@code nginx}). The "service" is a Reactor Netty stand-in answering a fixed
 * ~2 KB article, so the figures show what each proxy adds. Load comes from {@code wrk} (another process); the JVMs
 * run with the JVM flags of deploy/ ({@code bench.jvm-flags}, set by the script).
 *
 * <p>Then: the cost of each filter (a gateway with one filter switched off beside a full gateway started with it,
 * measured in interleaved pairs), and latency at a fixed rate (open loop, {@link OpenLoopLoad} in its own JVM).
 *
 * <p>Run with {@code gateway/bench/run-benchmark.sh}. System properties: {@code bench.seconds} (15 per target and
 * round), {@code bench.rounds} (3, targets interleaved, order rotated), {@code bench.warmup} (10 s, repeated until steady and at least
 * 30 000 requests), {@code bench.connections} (32), {@code bench.threads} (2), {@code bench.filters} (the variants:
 * filter names, several joined by {@code +}, or {@code all}; default each filter alone), {@code bench.filter-pairs} (3),
 * {@code bench.filter-seconds} (10), {@code bench.open-loop-rate} (1000), {@code bench.open-loop-seconds} (20),
 * {@code bench.only} (comma-separated sections: {@code closed,filters,open}).
 */
public final class ReadRouteBenchmark {

    private static final String SLUG = "israel-votes";
    private static final String PATH = "/api/v1/articles/" + SLUG;
    private static final List<String> FILTERS = List.of("security", "cors", "request-id", "security-headers",
            "rate-limit", "circuit-breaker", "retry", "metrics", "access-log");
    private static final List<String> METRICS_OFF = List.of("--spring.cloud.gateway.server.webflux.metrics.enabled=false",
            "--spring.cloud.gateway.server.webflux.observability.enabled=false",
            "--management.observations.enable.http=false",
            "--management.observations.enable.spring.security=false");

    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int warmup = Integer.getInteger("bench.warmup", 10);
    private final int connections = Integer.getInteger("bench.connections", 32);
    private final int threads = Integer.getInteger("bench.threads", 2);
    private final int filterSeconds = Integer.getInteger("bench.filter-seconds", 10);
    private final int filterPairs = Integer.getInteger("bench.filter-pairs", 3);
    private final int openRate = Integer.getInteger("bench.open-loop-rate", 1000);
    private final int openSeconds = Integer.getInteger("bench.open-loop-seconds", 20);
    private final int openRounds = Integer.getInteger("bench.open-loop-rounds", 3);
    private final String only = System.getProperty("bench.only", "closed,filters,open");
    /** The per-filter variants: filter names, or several joined by '+' (switched off together), or "all". */
    private final List<String> variants = List.of(System.getProperty("bench.filters", String.join(",", FILTERS))
            .split(","));
    private final List<String> jvmFlags = List.of(System.getProperty("bench.jvm-flags",
            "-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError").trim().split("\\s+"));
    private final String traceSampling = System.getProperty("bench.trace-sampling", "0.1");
    private final String scgBareClasspath = System.getProperty("bench.scg-bare-classpath", "");
    private final Path work;
    private final List<Process> processes = new ArrayList<>();
    private DisposableServer service;
    private LocalRedis redis;

    private ReadRouteBenchmark() throws IOException {
        this.work = Files.createTempDirectory("newsroom-bench");
    }

    public static void main(String[] args) throws Exception {
        ReadRouteBenchmark bench = new ReadRouteBenchmark();
        try {
            bench.run();
        } finally {
            bench.stopAll();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        service = startService();
        redis = LocalRedis.shared();
        String direct = "http://127.0.0.1:" + service.port() + "/articles/" + SLUG;
        System.out.printf("Read route GET %s; wrk -t%d -c%d, %d s per target and round, %d rounds; %d CPUs; JVM flags %s"
                + " (+ %s: the Deployment's 1 GiB / 2 CPU pod); Redis %s; trace sampling %s; load average %s%n", PATH,
                threads, connections, seconds, rounds, Runtime.getRuntime().availableProcessors(),
                String.join(" ", jvmFlags), String.join(" ", podFlags()), redis.version(), traceSampling, loadAverage());

        if (only.contains("closed") || only.contains("open")) {
            comparison(direct);
        }
        if (only.contains("filters")) {
            filterCosts(); // starts its own gateways
        }
        System.out.printf("%nload average at the end: %s%n", loadAverage());
    }

    /** The four targets side by side; the per-filter section does not need them, so they start only for this. */
    private void comparison(String direct) throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("direct", direct);
        targets.put("scg-bare", url(startScgBare()));
        targets.put("gateway", url(startGateway("full", List.of())));
        targets.put("nginx", url(startNginx()));
        for (String url : targets.values()) {
            warmUp(url);
        }
        if (only.contains("closed")) {
            closedLoop(targets);
        }
        if (only.contains("open")) {
            openLoop(targets);
        }
    }

    private void closedLoop(Map<String, String> targets) {
        Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
        targets.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(targets.keySet());
        System.out.printf("%n%-5s %-9s %10s %9s %9s %8s  %s%n", "round", "target", "req/s", "p50 ms", "p99 ms", "errors",
                "load average");
        for (int round = 1; round <= rounds; round++) {
            for (String name : order) {
                Wrk.Result r = Wrk.run(targets.get(name), threads, connections, seconds);
                results.get(name).add(r);
                System.out.printf("%-5d %-9s %10.0f %9.3f %9.3f %8d  %s%n", round, name, r.perSecond(), r.p50Millis(),
                        r.p99Millis(), r.errors(), loadAverage());
            }
            Collections.rotate(order, 1); // interleave: each target goes first once in a while
        }
        System.out.printf("%nmedian of %d rounds%n%-9s %10s %9s %9s%n", rounds, "target", "req/s", "p50 ms", "p99 ms");
        Map<String, double[]> medians = new LinkedHashMap<>();
        results.forEach((name, list) -> {
            double[] m = {median(list.stream().mapToDouble(Wrk.Result::perSecond).toArray()),
                    median(list.stream().mapToDouble(Wrk.Result::p50Millis).toArray()),
                    median(list.stream().mapToDouble(Wrk.Result::p99Millis).toArray())};
            medians.put(name, m);
            System.out.printf("%-9s %10.0f %9.3f %9.3f%n", name, m[0], m[1], m[2]);
        });
        System.out.println();
        ratio("gateway/scg-bare", medians.get("gateway")[0] / medians.get("scg-bare")[0]);
        ratio("gateway/nginx", medians.get("gateway")[0] / medians.get("nginx")[0]);
        ratio("gateway/direct", medians.get("gateway")[0] / medians.get("direct")[0]);
        ratio("scg-bare/nginx", medians.get("scg-bare")[0] / medians.get("nginx")[0]);
        // Per round too: each ratio from measurements taken minutes apart at most.
        for (int i = 0; i < rounds; i++) {
            System.out.printf("round %d: gateway/scg-bare %.2f, gateway/nginx %.2f%n", i + 1,
                    results.get("gateway").get(i).perSecond() / results.get("scg-bare").get(i).perSecond(),
                    results.get("gateway").get(i).perSecond() / results.get("nginx").get(i).perSecond());
        }
    }

    private static void ratio(String name, double value) {
        System.out.printf("ratio %s %.2f%n", name, value);
    }

    /**
     * Several interleaved rounds, like the closed loop: a p99 of one 20 s window per target moved from +12 ms to +343 ms
     * between identical runs on two cores, so the medians of the rounds (and each round's own difference) are printed.
     */
    private void openLoop(Map<String, String> targets) throws Exception {
        System.out.printf("%nopen loop: %d req/s for %d s per target and round, %d rounds (OpenLoopLoad, own JVM; latency "
                + "from each request's due time)%n%-5s %-9s %8s %7s %9s %9s %9s %9s %6s  %s%n", openRate, openSeconds,
                openRounds, "round", "target", "sent", "errors", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "late",
                "load average");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        targets.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(targets.keySet());
        for (int round = 1; round <= openRounds; round++) {
            for (String name : order) {
                String[] f = openLoopRun(targets.get(name));
                double[] r = {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])};
                results.get(name).add(r);
                System.out.printf("%-5d %-9s %8s %7s %9.3f %9.3f %9.3f %9.3f %6s  %s%n", round, name, f[1], f[2], r[0],
                        r[1], r[2], r[3], f[7], loadAverage());
            }
            Collections.rotate(order, 1);
        }
        List<double[]> direct = results.get("direct");
        for (String name : List.of("scg-bare", "gateway", "nginx")) {
            List<double[]> r = results.get(name);
            StringBuilder rounds = new StringBuilder();
            for (int i = 0; i < openRounds; i++) {
                rounds.append(String.format("%s%+.1f", i == 0 ? "" : " / ", r.get(i)[1] - direct.get(i)[1]));
            }
            System.out.printf("open loop %s adds over direct: p50 %+.3f ms, p99 %+.3f ms (medians of %d rounds; "
                    + "p99 per round %s ms)%n", name, median(r, 0) - median(direct, 0), median(r, 1) - median(direct, 1),
                    openRounds, rounds);
        }
    }

    private static double median(List<double[]> results, int column) {
        return median(results.stream().mapToDouble(r -> r[column]).toArray());
    }

    /** One {@link OpenLoopLoad} run in its own JVM; its RESULT line split into fields. */
    private String[] openLoopRun(String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OpenLoopLoad.class.getName(), url, Integer.toString(openRate), Integer.toString(openSeconds)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("open-loop run failed:\n" + out));
        return line.split(" ");
    }

    /**
     * Each variant next to a full gateway started with it: both fresh, warmed the same way, then measured in
     * interleaved pairs. Measured against the long-running full gateway instead, every variant looked slower than it
     * was: the JIT keeps improving a JVM for many minutes here (the full gateway went from 2 085 to 2 984 req/s within
     * one 15-minute run), so "access log off" and "metrics off" came out 15-32 % slower than the full chain.
     */
    private void filterCosts() throws Exception {
        System.out.printf("%nper-filter cost: for each variant a fresh full gateway and a fresh gateway with the variant's "
                + "filters off, both warmed until steady, then %d interleaved pairs of %d s%n%-17s %10s %10s %8s %14s  %s%n",
                filterPairs, filterSeconds, "switched off", "full req/s", "off req/s", "gain", "µs/req (2 CPU)",
                "load average");
        for (String filter : variants) {
            Started fullGateway = startGateway("full-beside-" + filter, List.of());
            Started variant = startGateway("without-" + filter, switchedOff(filter));
            String fullUrl = url(fullGateway);
            String url = url(variant);
            warmUp(fullUrl);
            warmUp(url);
            // Interleaved on/off pairs: one pair resolves little on a machine whose speed moves ±25 % a minute.
            double[] fullRates = new double[filterPairs];
            double[] offRates = new double[filterPairs];
            double[] gains = new double[filterPairs];
            for (int pair = 0; pair < filterPairs; pair++) {
                fullRates[pair] = Wrk.run(fullUrl, threads, connections, filterSeconds).perSecond();
                offRates[pair] = Wrk.run(url, threads, connections, filterSeconds).perSecond();
                gains[pair] = offRates[pair] / fullRates[pair] - 1;
            }
            double full = median(fullRates);
            double off = median(offRates);
            double micros = Runtime.getRuntime().availableProcessors() * 1e6 * (1 / full - 1 / off);
            System.out.printf("%-17s %10.0f %10.0f %+7.1f%% %14.1f  %s  (pairs: %s)%n", filter, full, off,
                    100 * median(gains), micros, loadAverage(), Arrays.stream(gains)
                            .mapToObj(g -> String.format("%+.0f%%", 100 * g)).collect(Collectors.joining(" ")));
            stop(variant.process());
            stop(fullGateway.process());
        }
    }

    /** The gateway's arguments that switch off a variant's filters; metrics by the standard Boot/SCG properties. */
    private static List<String> switchedOff(String variant) {
        List<String> names = variant.equals("all") ? FILTERS : List.of(variant.split("\\+"));
        List<String> args = new ArrayList<>();
        List<String> filters = names.stream().filter(name -> !name.equals("metrics")).toList();
        if (!filters.isEmpty()) {
            args.add("--newsroom.gateway.switched-off=" + String.join(",", filters));
        }
        if (names.contains("metrics")) {
            args.addAll(METRICS_OFF);
        }
        return args;
    }

    private record Started(Process process, int port) {
    }

    private static String url(Started started) {
        return "http://127.0.0.1:" + started.port() + PATH;
    }

    /**
     * A fresh JVM needs tens of thousands of requests before the JIT has compiled the hot path, the gateway (deeper
     * chain, more code) more than the others: at least 30 000 requests, then until two consecutive warm-up runs
     * differ by less than 5 % (at most 180 s). With a fixed 30 000, a gateway restarted for the per-filter table was
     * measured still compiling, 37-57 % slower than the warm full gateway whatever was switched off.
     */
    private void warmUp(String url) {
        long served = 0;
        double previous = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            Wrk.Result run = Wrk.run(url, threads, connections, warmup);
            served += run.requests();
            boolean steady = previous > 0 && Math.abs(run.perSecond() / previous - 1) < 0.05;
            if (served >= 30_000 && steady) {
                return;
            }
            previous = run.perSecond();
        }
    }

    private DisposableServer startService() {
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
                        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(article))))
                        // The trace collector of deploy/ (Zipkin's span API): the gateway exports its sampled spans here
                        .post("/api/v2/spans", (request, response) -> request.receive().then(response.status(202).send().then())))
                .bindNow();
    }

    private List<String> jvm(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.addAll(podFlags());
        String extra = System.getProperty("bench.gateway-jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording
        }
        command.addAll(List.of("-cp", classpath));
        return command;
    }

    /**
     * What the JVM sees in the Deployment's container (memory limit 1 GiB, CPU limit 2), and so the collector it picks
     * there by itself: below 1792 MB it is not a "server class machine", so Serial GC, unless the Deployment's flags
     * choose one. This host has more memory, so without the flag its JVM would pick G1.
     */
    private List<String> podFlags() {
        List<String> flags = new ArrayList<>(List.of("-XX:MaxRAM=1g", "-XX:ActiveProcessorCount=2"));
        if (jvmFlags.stream().noneMatch(flag -> flag.matches("-XX:\\+Use\\w+GC"))) {
            flags.add("-XX:+UseSerialGC");
        }
        return flags;
    }

    private Started startGateway(String name, List<String> extraArgs) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        String service = "http://127.0.0.1:" + this.service.port();
        List<String> command = jvm(System.getProperty("java.class.path"));
        command.addAll(List.of("io.newsroom.gateway.GatewayApplication",
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--newsroom.gateway.services.article=" + service,
                "--newsroom.gateway.services.comment=" + service,
                "--newsroom.gateway.services.search=" + service,
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redis.port(),
                // Rate limiting runs on every request (Redis round trip included) but one client must not be refused.
                "--newsroom.gateway.rate-limits.fallback.capacity=100000000",
                "--newsroom.gateway.rate-limits.fallback.period=1s",
                // Production's tracing (deploy/base/apps/gateway/config.env): its sampling, spans exported to a collector.
                "--management.tracing.sampling.probability=" + traceSampling,
                "--management.tracing.export.zipkin.endpoint=http://127.0.0.1:" + this.service.port() + "/api/v2/spans",
                // Production's structured access log (deploy/base/apps/gateway/config.env), to this JVM's log file.
                "--logging.structured.format.console=ecs",
                "--spring.main.banner-mode=off"));
        command.addAll(extraArgs);
        Path log = work.resolve("gateway-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        awaitUp("http://127.0.0.1:" + managementPort + "/actuator/health/readiness", process, log);
        awaitUp("http://127.0.0.1:" + port + PATH, process, log);
        return new Started(process, port);
    }

    private Started startScgBare() throws Exception {
        if (scgBareClasspath.isBlank()) {
            throw new IllegalStateException("bench.scg-bare-classpath not set: run gateway/bench/run-benchmark.sh");
        }
        int port = freePort();
        List<String> command = jvm(scgBareClasspath);
        command.addAll(List.of("io.newsroom.bench.scgbare.ScgBare", "--server.port=" + port,
                "--bench.service=http://127.0.0.1:" + service.port()));
        Path log = work.resolve("scg-bare.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        awaitUp("http://127.0.0.1:" + port + PATH, process, log);
        return new Started(process, port);
    }

    private Started startNginx() throws Exception {
        int port = freePort();
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
                """.formatted(work, service.port(), port);
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(nginxBinary(), "-p", work.toString(), "-c", file.toString(), "-g",
                "daemon off;").redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        processes.add(process);
        awaitUp("http://127.0.0.1:" + port + PATH, process, work.resolve("nginx-error.log"));
        return new Started(process, port);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx not found: run gateway/bench/run-benchmark.sh (it installs nginx)");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException ex) {
            return "n/a";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void awaitUp(String url, Process process, Path log) throws Exception {
        HttpTestClient client = HttpTestClient.to(url).withTimeout(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited early, see " + log + ":\n" + tail(log));
            }
            try {
                if (client.get("").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not up after 180 s: " + url + "\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private void stopAll() throws InterruptedException {
        for (Process process : processes) {
            stop(process);
        }
        if (service != null) {
            service.disposeNow();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
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
