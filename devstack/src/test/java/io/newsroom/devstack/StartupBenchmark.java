package io.newsroom.devstack;

import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.LocalPostgres;
import io.newsroom.infra.LocalRedis;
import io.newsroom.infra.http.HttpTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Issue 16's start-up benchmark (a program, not a test; {@code devstack/bench/startup-benchmark.sh} builds and runs
 * it). Two parts, {@code -Dbench.only=services,devstack}:
 *
 * <ul>
 *   <li><b>services</b>: Kafka, PostgreSQL, Elasticsearch and Redis start once (local-infra, random ports), then each
 *   service starts alone {@code bench.rounds} times in each of three ways, taking turns at going first: {@code jar}, the
 *   Deployments' JAVA_TOOL_OPTIONS before issue 16 ({@code bench.baseline-flags}) and {@code java -jar}, as the images
 *   started then; {@code aot}, each service's JAVA_TOOL_OPTIONS now ({@code bench.jvm-flags.<service>}, else
 *   {@code bench.jvm-flags}) from the extracted jar with its JDK
 *   AOT cache trained against the data stores, as devstack makes it; {@code image}, the same flags and the image's entry
 *   point with the cache {@code deploy/images/Dockerfile} makes ({@link ImageAotCache}: trained with no data store
 *   reachable). Each training run is timed, before the rounds. All with the heap and collector of a 1 GiB, 2 CPU
 *   pod. Ready = process start until {@code /actuator/health/readiness} on
 *   the management port answers 200 (polled every 25 ms); RSS = VmRSS 3 s after ready, split into anonymous memory
 *   and mapped files, and again {@code bench.settled-seconds} (20) after ready, when the start-up's JIT compilations
 *   are over (idle). {@code -Dbench.nmt=true} with {@code -XX:NativeMemoryTracking=summary} prints the JVM's own
 *   account at 3 s (heap, AOT cache, code, metaspace, ...).</li>
 *   <li><b>devstack</b>: {@code Devstack} as a process (fresh data), as {@code ./mvnw -Pdevstack} runs it, without
 *   (-Dnewsroom.devstack.aot=false) and with the AOT caches: "platform ready", the demo content searchable through the
 *   gateway, then SIGTERM and the time until devstack and every process under it are gone, and its exit code. Needs
 *   devstack's fixed ports free.</li>
 * </ul>
 * The load average is printed before and after: on a shared machine the figures move with it.
 */
public final class StartupBenchmark {

    private static final List<String> SERVICES = List.of("auth-server", "article-service", "comment-service",
            "search-service", "gateway", "web");
    /** jar: before issue 16; aot: devstack's cache (trained against the data stores); image: deploy/images/Dockerfile's. */
    private static final List<String> VARIANTS = List.of("jar", "aot", "image");
    /** A second RSS sample this long after ready ({@code bench.settled-seconds}; 0: none). */
    private static final int SETTLED_SECONDS = Integer.getInteger("bench.settled-seconds", 20);
    /** {@code -Dbench.variants=aot} to try flags on one way of starting only; the table's other columns then stay empty. */
    private static final List<String> MEASURED = List.of(System.getProperty("bench.variants", "jar,aot,image").split(","));
    /**
     * The pods have 1 GiB and 2 CPUs: the same heap sizes here (MaxRAM), and the collector the JVM picks in such a
     * container by itself (below 1792 MB it is not a "server class machine": Serial GC).
     */
    private static final List<String> POD = List.of("-XX:MaxRAM=1g", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=2");
    private static final HttpTestClient HTTP = HttpTestClient.to("http://localhost:8080").withTimeout(Duration.ofSeconds(5));

    private final Path root;
    private final Path work;
    private final int rounds;
    private final List<String> baselineFlags;

    private StartupBenchmark(Path root, Path work, int rounds, List<String> baselineFlags) {
        this.root = root;
        this.work = work;
        this.rounds = rounds;
        this.baselineFlags = baselineFlags;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        var only = List.of(System.getProperty("bench.only", "services,devstack").split(","));
        var baseline = new ArrayList<>(POD);
        baseline.addAll(flags("bench.baseline-flags", "-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=50"));
        var bench = new StartupBenchmark(root, root.resolve("devstack/target/startup-bench"),
                Integer.getInteger("bench.rounds", 5), baseline);
        System.out.printf("startup benchmark %s, JDK %s, %d cores, load average %s%n", Instant.now(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("jar (baseline, the flags before issue 16): " + String.join(" ", baseline));
        var names = List.of(System.getProperty("bench.services", String.join(",", SERVICES)).split(","));
        names.forEach(name -> System.out.printf("aot %s (now: its Deployment's flags + the AOT cache): %s%n", name,
                String.join(" ", improvedFlags(name))));
        if (only.contains("services")) {
            bench.services(names);
        }
        if (only.contains("devstack")) {
            bench.devstack(Integer.getInteger("bench.devstack-rounds", 2));
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        System.exit(0); // the shared infrastructure stops in its shutdown hooks
    }

    /** {@code list} started at position {@code by} (mod its size), so each variant takes its turn at going first. */
    private static List<String> rotated(List<String> list, int by) {
        var rotated = new ArrayList<>(list);
        Collections.rotate(rotated, -(by % list.size()));
        return rotated;
    }

    /**
     * The improved starts' flags: the service's Deployment's JAVA_TOOL_OPTIONS ({@code bench.jvm-flags.<service>}, else
     * {@code bench.jvm-flags}: auth-server has no Deployment), in the pod, plus {@code bench.improved-flags}.
     */
    private static List<String> improvedFlags(String service) {
        var improved = new ArrayList<>(POD);
        improved.addAll(flags("bench.jvm-flags." + service,
                System.getProperty("bench.jvm-flags", "-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=10")));
        improved.addAll(flags("bench.improved-flags", "")); // to try more flags on the improved starts only
        return improved;
    }

    private static List<String> flags(String property, String fallback) {
        return Stream.of(System.getProperty(property, fallback).trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- services alone

    private void services(List<String> names) throws Exception {
        long t0 = System.nanoTime();
        var pg = CompletableFuture.supplyAsync(() -> {
            var postgres = LocalPostgres.shared();
            postgres.createDatabase("articles");
            postgres.createDatabase("comments");
            return postgres;
        });
        var kf = CompletableFuture.supplyAsync(() -> {
            var kafka = LocalKafka.shared();
            LocalTopics.create(kafka.bootstrapServers());
            return kafka;
        });
        var es = CompletableFuture.supplyAsync(LocalElasticsearch::shared);
        var rd = CompletableFuture.supplyAsync(LocalRedis::shared);
        LocalPostgres postgres = pg.join();
        var infra = new InfraEndpoints(kf.join().bootstrapServers(), postgres.jdbcUrl("articles"), postgres.jdbcUrl("comments"),
                postgres.username(), postgres.password(), es.join().httpUri().toString());
        LocalRedis redis = rd.join();
        System.out.printf("infrastructure up in %.1f s (random ports)%n", (System.nanoTime() - t0) / 1e9);

        var settings = new DevstackSettings(work.resolve("home"), root, false, 0, 0, 0);
        var plan = PlatformPlan.local(settings);
        String java = ServiceProcess.javaExecutable();
        var results = new LinkedHashMap<String, Map<String, List<Run>>>();
        var caches = new HashMap<String, AotCache>();
        var images = new HashMap<String, ImageAotCache>();
        var services = new HashMap<String, PlatformService>();
        var environments = new HashMap<String, Map<String, String>>();
        for (String name : names) {
            var planned = plan.service(name);
            int port = freePort();
            int management = planned.hasManagementPort() ? freePort() : port;
            var service = new PlatformService(name, port, management, planned.readinessPath(), planned::environment);
            var environment = new HashMap<>(planned.environment(infra));
            if (planned.hasManagementPort()) {
                environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
            }
            environment.put("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));
            environment.put("NEWSROOM_DEMO_ENABLED", "false"); // production imports no demo content
            services.put(name, service);
            environments.put(name, environment);
            long trained = System.nanoTime();
            var cache = AotCache.of(name, settings.serviceJar(name), "production", improvedFlags(name));
            if (cache.isCurrent(java)) {
                System.out.printf("%-16s AOT cache current (%d MB), not trained again%n", name, Files.size(cache.cache()) >> 20);
            } else {
                cache.train(java, withPort(environment, port), work.resolve("logs/" + name + "-training.log"), Duration.ofMinutes(5));
                System.out.printf("%-16s AOT cache trained in %.1f s (%d MB)%n", name, (System.nanoTime() - trained) / 1e9,
                        Files.size(cache.cache()) >> 20);
            }
            caches.put(name, cache);
            if (MEASURED.contains("image")) {
                long imageTrained = System.nanoTime();
                images.put(name, ImageAotCache.build(root, name, work.resolve("image").resolve(name), java,
                        work.resolve("logs/" + name + "-image-training.log")));
                System.out.printf("%-16s image's AOT cache (deploy/images/aot-training.sh, no data stores) trained in %.1f s (%d MB)%n",
                        name, (System.nanoTime() - imageTrained) / 1e9, Files.size(images.get(name).cache()) >> 20);
            }
            var byVariant = new LinkedHashMap<String, List<Run>>();
            VARIANTS.forEach(variant -> byVariant.put(variant, new ArrayList<>()));
            results.put(name, byVariant);
        }
        for (int round = 1; round <= rounds; round++) {
            for (String name : names) {
                for (String variant : rotated(VARIANTS, round - 1)) {
                    if (!MEASURED.contains(variant)) {
                        continue;
                    }
                    var command = new ArrayList<>(List.of(java));
                    switch (variant) {
                        case "jar" -> {
                            command.addAll(baselineFlags);
                            command.addAll(List.of("-jar", settings.serviceJar(name).toString()));
                        }
                        case "aot" -> command.addAll(caches.get(name).launchArguments());
                        default -> command.addAll(images.get(name).launchArguments(improvedFlags(name)));
                    }
                    var run = measure(services.get(name), command, environments.get(name),
                            work.resolve("logs/%s-%s-%d.log".formatted(name, variant, round)));
                    results.get(name).get(variant).add(run);
                    System.out.printf("round %d %-16s %-5s ready %5.2f s  RSS %4d MB (anon %d, file %d), %d MB at %d s  (load %s)%n",
                            round, name, variant, run.readySeconds(), run.rssMb(), run.anonMb(), run.fileMb(),
                            run.settledRssMb(), SETTLED_SECONDS, loadAverage());
                }
            }
        }
        if (Boolean.getBoolean("bench.profile")) {
            for (String name : names) {
                profile(services.get(name), caches.get(name), environments.get(name));
            }
        }
        System.out.printf("%n%d rounds, each service alone, a 1 GiB / 2 CPU pod's JVM; median (min-max)%n", rounds);
        System.out.printf("| service | ready, jar | ready, AOT cache | ratio | ready, image's cache | ratio | idle RSS, jar | idle RSS, AOT cache | idle RSS, image's cache | RSS %d s after ready: jar / AOT cache / image's |%n", SETTLED_SECONDS);
        System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
        results.forEach((name, byVariant) -> {
            var jar = byVariant.get("jar");
            var aot = byVariant.get("aot");
            var image = byVariant.get("image");
            double jarReady = median(jar.stream().mapToDouble(Run::readySeconds).toArray());
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s |%n", name, spread(jar), spread(aot),
                    ratio(aot, jarReady), spread(image), ratio(image, jarReady),
                    megabytes(jar, Run::rssMb), megabytes(aot, Run::rssMb), megabytes(image, Run::rssMb),
                    megabytes(jar, Run::settledRssMb), megabytes(aot, Run::settledRssMb), megabytes(image, Run::settledRssMb));
        });
        System.out.println();
    }

    /**
     * One more improved start with devstack/bench/StartupProfile.java (compiled here against the service's own
     * libraries) as a context initializer: prints where the context's refresh spends its time.
     */
    private void profile(PlatformService service, AotCache cache, Map<String, String> environment) throws IOException {
        Path lib = cache.extractedJar().resolveSibling("lib");
        Path classes = work.resolve("profile").resolve(service.name());
        Files.createDirectories(classes);
        String classpath;
        try (var jars = Files.list(lib)) {
            classpath = String.join(":", jars.map(Path::toString).toList());
        }
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-cp", classpath,
                "-d", classes.toString(), root.resolve("devstack/bench/StartupProfile.java").toString());
        if (compiled != 0) {
            System.out.println(service.name() + ": StartupProfile did not compile");
            return;
        }
        // registered the way libraries register theirs: META-INF/spring.factories on the class path
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/spring.factories"),
                "org.springframework.context.ApplicationContextInitializer=StartupProfile\n");
        String mainClass;
        try (var jar = new java.util.jar.JarFile(cache.extractedJar().toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        var command = new ArrayList<>(List.of(ServiceProcess.javaExecutable()));
        command.addAll(improvedFlags(service.name()));
        command.addAll(List.of("-XX:AOTCache=" + cache.cache(),
                "-cp", cache.extractedJar() + ":" + classes, mainClass));
        Path log = work.resolve("logs/" + service.name() + "-profile.log");
        var run = measure(service, command, environment, log);
        System.out.printf("%n%s, profiled start (ready %.2f s; the profile adds its own overhead):%n", service.name(), run.readySeconds());
        Files.readAllLines(log).stream().filter(l -> l.startsWith("startup-profile: ")).forEach(System.out::println);
    }

    private Run measure(PlatformService service, List<String> command, Map<String, String> environment, Path log) {
        long t0 = System.nanoTime();
        var process = ServiceProcess.launch(service, command, environment, log);
        try {
            process.awaitReady(Duration.ofMinutes(3), Duration.ofMillis(25), false);
            double ready = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(3000);
            if (Boolean.getBoolean("bench.nmt")) { // needs -XX:NativeMemoryTracking=summary in bench.improved-flags
                nativeMemory(process.pid(), log);
            }
            long rss = rssMb(process.pid());
            long anon = memoryKb(process.pid(), "RssAnon:") >> 10;
            long file = memoryKb(process.pid(), "RssFile:") >> 10;
            long settled = -1;
            if (SETTLED_SECONDS > 3) { // the start-up's JIT compilations and their arenas are over by then
                Thread.sleep((SETTLED_SECONDS - 3) * 1000L);
                settled = rssMb(process.pid());
            }
            return new Run(ready, rss, anon, file, settled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            ServiceProcess.stopAll(List.of(process), Duration.ofSeconds(30));
        }
    }

    private static Map<String, String> withPort(Map<String, String> environment, int port) {
        var env = new HashMap<>(environment);
        env.put("SERVER_PORT", String.valueOf(port));
        return env;
    }

    /** VmRSS = RssAnon (heap, metaspace, code, stacks, malloc) + RssFile (the jar, libjvm, the AOT cache's mapped pages). */
    record Run(double readySeconds, long rssMb, long anonMb, long fileMb, long settledRssMb) {
    }

    /** The JVM's own account of its committed memory (jcmd VM.native_memory summary), one line per area. */
    private static void nativeMemory(long pid, Path log) throws InterruptedException {
        try {
            String out = jcmd(pid, "VM.native_memory", "summary", "scale=MB");
            String heapInfo = jcmd(pid, "GC.heap_info");
            heapInfo.lines().filter(l -> l.contains("total")).map(l -> "    heap " + l.trim()).forEach(System.out::println);
            Files.writeString(log.resolveSibling(log.getFileName() + ".nmt"), out + heapInfo);
            out.lines().filter(l -> l.matches("^(Total|-\\s+\\S.*)\\(reserved=.*") || l.startsWith("Total:"))
                    .map(l -> "    nmt " + l.replaceAll("\\s+", " ").trim()).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println("    nmt: " + e.getMessage());
        }
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        var arguments = new ArrayList<>(List.of(Path.of(ServiceProcess.javaExecutable()).resolveSibling("jcmd").toString(),
                String.valueOf(pid)));
        arguments.addAll(List.of(command));
        var jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }

    // ---------------------------------------------------------------- devstack

    private void devstack(int devstackRounds) throws Exception {
        try {
            PortGuard.requireFree(PlatformPlan.local(new DevstackSettings(work, root, true, 19092, 15432, 19200)).ports());
        } catch (DevstackException e) {
            System.out.println("devstack part skipped: " + e.getMessage());
            return;
        }
        System.out.println("| devstack run | AOT caches | platform ready (devstack's figure) | demo searchable | SIGTERM -> all gone | exit code | stop line |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int round = 1; round <= devstackRounds; round++) {
            for (boolean aot : round % 2 == 1 ? List.of(false, true) : List.of(true, false)) {
                System.out.println(devstackRun(round, aot));
            }
        }
        System.out.println();
    }

    private String devstackRun(int round, boolean aot) throws Exception {
        Path out = work.resolve("logs/devstack-%d-%s.out".formatted(round, aot ? "aot" : "jar"));
        Files.createDirectories(out.getParent());
        // The JVM flags of devstack's own process in devstack/pom.xml (the devstack profile's exec), as -Pdevstack runs it
        var command = List.of(ServiceProcess.javaExecutable(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dnewsroom.devstack.root=" + root,
                "-Dnewsroom.devstack.home=" + work.resolve("devstack-home"), "-Dnewsroom.devstack.fresh=true",
                "-Dnewsroom.devstack.aot=" + aot, "-cp", System.getProperty("java.class.path"), Devstack.class.getName());
        long t0 = System.nanoTime();
        Process devstack = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            String ready = awaitLine(devstack, out, "devstack: platform ready in ", Duration.ofMinutes(6));
            double searchable = awaitSearchable(t0, Duration.ofMinutes(3));
            var children = devstack.descendants().toList();
            long stopT0 = System.nanoTime();
            devstack.destroy(); // SIGTERM
            boolean exited = devstack.waitFor(60, TimeUnit.SECONDS);
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() - stopT0 < 60e9) {
                Thread.sleep(20);
            }
            double stop = (System.nanoTime() - stopT0) / 1e9;
            long left = children.stream().filter(ProcessHandle::isAlive).count();
            String stopLine = Files.readAllLines(out).stream().filter(l -> l.startsWith("devstack: stopped in")).findFirst().orElse("(none)");
            boolean trained = Files.readString(out).contains("making the start-up (AOT) caches");
            return "| %d | %s | %s | %s | %.1f s%s | %s | `%s` |".formatted(round, aot ? (trained ? "yes (made in this run)" : "yes") : "no",
                    ready, Double.isNaN(searchable) ? "not within 3 min" : "%.1f s".formatted(searchable), stop,
                    left == 0 ? "" : " (" + left + " processes still running!)", exited ? devstack.exitValue() : "still running",
                    stopLine);
        } finally {
            devstack.descendants().forEach(ProcessHandle::destroyForcibly);
            devstack.destroyForcibly();
        }
    }

    private static String awaitLine(Process process, Path out, String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("devstack exited (" + process.exitValue() + "); see " + out);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + prefix + "' within " + timeout + "; see " + out);
    }

    /** Seconds since {@code t0} until a demo article is found through the gateway's search. */
    private static double awaitSearchable(long t0, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = HTTP.get("/api/v1/search?q=ceasefire&limit=1");
                if (response.status() == 200 && response.body().contains("\"id\"")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (UncheckedIOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        return Double.NaN;
    }

    // ---------------------------------------------------------------- figures

    private static String spread(List<Run> runs) {
        double[] s = runs.stream().mapToDouble(Run::readySeconds).sorted().toArray();
        if (s.length == 0) {
            return "-";
        }
        return "%.2f s (%.2f-%.2f)".formatted(median(s), s[0], s[s.length - 1]);
    }

    /** The median ready time of {@code runs} over the jar's; "-" when either was not measured (bench.variants). */
    private static String ratio(List<Run> runs, double jarReady) {
        double ratio = median(runs.stream().mapToDouble(Run::readySeconds).toArray()) / jarReady;
        return Double.isNaN(ratio) ? "-" : "%.2f".formatted(ratio);
    }

    private static String megabytes(List<Run> runs, ToLongFunction<Run> figure) {
        return runs.isEmpty() ? "-" : "%d MB".formatted((long) median(runs.stream().mapToDouble(figure::applyAsLong).toArray()));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long rssMb(long pid) {
        return memoryKb(pid, "VmRSS:") / 1024;
    }

    private static long memoryKb(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
