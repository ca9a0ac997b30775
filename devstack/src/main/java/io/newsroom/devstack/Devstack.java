package io.newsroom.devstack;

import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.LocalPostgres;
import io.newsroom.infra.LocalRedis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole platform on one machine: real Kafka, PostgreSQL and Elasticsearch (from local-infra),
 * then every service as its own process on its production port, demo content loaded.
 * Ctrl-C / SIGTERM stops everything within about 10 s; data survives until a start with {@code -Dfresh}.
 */
public final class Devstack {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final String SEARCH = "search-service";
    /** A service has this long after SIGTERM (graceful shutdown) before SIGKILL; idle, they need 1-3 s. */
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(6);
    /** Then the infrastructure, stopping side by side, this long (Kafka's clean shutdown is the slowest part). */
    private static final Duration INFRA_GRACE = Duration.ofSeconds(3);

    private final DevstackSettings settings;
    private final Map<String, Map<String, String>> overrides;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private LocalElasticsearch elasticsearch;
    private LocalRedis redis;
    private PlatformPlan plan;
    private InfraEndpoints infra;
    private TraceStore traces;

    Devstack(DevstackSettings settings) {
        this(settings, Map.of());
    }

    /** @param overrides extra env vars per service name (see {@link PlatformPlan#local(DevstackSettings, Map)}) */
    Devstack(DevstackSettings settings, Map<String, Map<String, String>> overrides) {
        this.settings = settings;
        this.overrides = overrides;
    }

    public static void main(String[] args) {
        var devstack = new Devstack(DevstackSettings.fromSystemProperties());
        // Ctrl-C and SIGTERM (to this process, or Maven's to its child) are a request to stop, not a crash: stop
        // everything in order and exit 0, so `./mvnw -Pdevstack` ends without "BUILD FAILURE ... exit 143". The JVM's
        // default handlers would run the shutdown hooks side by side instead (Kafka and Elasticsearch stopping under
        // services still draining) and exit 130/143.
        for (String signal : List.of("INT", "TERM")) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> {
                devstack.stopRequested = true;
                devstack.stopAndExit(0);
            });
        }
        // The same when Maven, which started this JVM (`./mvnw -Pdevstack`), is gone, e.g. SIGKILLed: nothing else would
        // stop the platform. (Not for a shell as the parent: `java ... &` from a script may outlive it on purpose.)
        ProcessHandle.current().parent()
                .filter(parent -> parent.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .ifPresent(maven -> maven.onExit().thenRun(() -> devstack.stopAndExit(0)));
        // Any other exit (System.exit, an uncaught error) still stops what did start.
        Runtime.getRuntime().addShutdownHook(new Thread(devstack::stop, "devstack-shutdown"));
        // A platform with a dead service is not the platform: say which one and stop the rest.
        ServiceProcess.onUnexpectedExit(dead -> {
            if (devstack.stopRequested) { // Ctrl-C reaches the services too: they may go before the handler runs
                return;
            }
            System.err.printf("devstack: %s exited unexpectedly (exit code %d); last log lines:%n%s%n",
                    dead.name(), dead.exitCode(), dead.logTail());
            devstack.stopAndExit(1);
        });
        try {
            devstack.start();
        } catch (DevstackException e) {
            System.err.println();
            System.err.println("devstack: " + e.getMessage());
            devstack.stopAndExit(1);
        }
        devstack.awaitStop();
    }

    /** Stops the platform, then the JVM; safe to call from several threads (signal handlers, watchers) at once. */
    private void stopAndExit(int status) {
        stopRequested = true;
        stop();
        System.exit(status);
    }

    void start() {
        long t0 = System.nanoTime();
        plan = PlatformPlan.local(settings, overrides);
        stopLeftoverPostgres();
        PortGuard.requireFree(plan.ports());
        PortGuard.requireFree(Map.of(TraceStore.DEFAULT_PORT, "Zipkin (trace store)"));
        settings.prepareHome();
        System.out.printf("devstack: data in %s%s%n", settings.home(), settings.fresh() ? " (fresh start)" : "");

        traces = TraceStore.start(TraceStore.jar(settings.root()), TraceStore.DEFAULT_PORT, settings.logFile("zipkin"));
        var es = startInfrastructure();
        System.out.printf("devstack: Kafka %s, PostgreSQL %s up in %.1f s%n", kafka.bootstrapServers(),
                postgres.jdbcUrl("articles"), seconds(t0));

        // Elasticsearch's address is known before it is up (its port is fixed)
        String elasticsearchUri = "http://127.0.0.1:" + settings.elasticsearchPort();
        infra = new InfraEndpoints(kafka.bootstrapServers(), postgres.jdbcUrl("articles"),
                postgres.jdbcUrl("comments"), postgres.username(), postgres.password(), elasticsearchUri);
        var environments = new java.util.LinkedHashMap<PlatformService, Map<String, String>>();
        for (var service : plan.services()) {
            var environment = new java.util.HashMap<>(service.environment(infra));
            // Spans go to the local Zipkin (Boot 4 and Boot 3 property names; inert in a service without a tracer).
            environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", traces.spansEndpoint());
            environment.put("MANAGEMENT_ZIPKIN_TRACING_ENDPOINT", traces.spansEndpoint());
            environments.put(service, environment);
        }
        if (needsTraining(environments.keySet())) { // the training runs need all of it (search-service builds its index client against Elasticsearch)
            awaitElasticsearch(es, t0);
            prepareStartupCaches(environments);
        }
        // Elasticsearch takes the longest (8-15 s alone, 30-40 s beside everything else) and only search-service needs
        // it: the others start meanwhile, at a lower CPU priority, as they have time to spare until search-service is up.
        environments.forEach((service, environment) -> {
            if (!service.name().equals(SEARCH)) {
                launch(service, environment, ServiceProcess.OFF_THE_CRITICAL_PATH);
            }
        });
        if (elasticsearch == null) {
            awaitElasticsearch(es, t0);
        }
        environments.forEach((service, environment) -> {
            if (service.name().equals(SEARCH)) {
                launch(service, environment, List.of());
            }
        });
        traces.awaitReady(Duration.ofSeconds(90));
        services.forEach(service -> service.awaitReady(READY_TIMEOUT));
        services.forEach(ServiceProcess::watchForUnexpectedExit);

        System.out.printf("devstack: platform ready in %.1f s%n", seconds(t0));
        System.out.println(Banner.ready(plan, settings));
        System.out.println("  Traces (Zipkin)  " + traces.url() + "   (in memory; spans posted to " + traces.spansEndpoint() + ")");
    }

    /**
     * A devstack that was SIGKILLed (or, before issue 16, stopped by hooks racing each other) leaves its PostgreSQL
     * running: pg_ctl detaches the postmaster, so it outlives the JVM and holds the port and this data directory. When
     * every other port of the platform is free (no devstack is running), the postmaster named in this data directory's
     * pid file is such a leftover: stop it, as LocalPostgres would, before the port check refuses to start.
     */
    private void stopLeftoverPostgres() {
        Path pidFile = settings.dataDir("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            var postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(settings.dataDir("postgres").toString())).orElse(false));
            if (postmaster.isEmpty()) {
                return;
            }
            var others = new java.util.LinkedHashMap<>(plan.ports());
            others.remove(settings.postgresPort());
            PortGuard.requireFree(others);
            System.out.printf("devstack: stopping the PostgreSQL an earlier devstack left running (pid %d, data %s)%n",
                    pid, settings.dataDir("postgres"));
            postmaster.get().destroy(); // SIGTERM: smart shutdown; its clients are gone with the old platform
            try {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                postmaster.get().destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DevstackException devstack) {
                throw devstack;
            }
            System.err.println("devstack: cannot check " + pidFile + ": " + e.getMessage());
        }
    }

    private boolean needsTraining(java.util.Collection<PlatformService> planned) {
        return !staleCaches(planned).isEmpty();
    }

    private List<PlatformService> staleCaches(java.util.Collection<PlatformService> planned) {
        String java = ServiceProcess.javaExecutable();
        if (!Boolean.parseBoolean(System.getProperty("newsroom.devstack.aot", System.getenv().getOrDefault("NEWSROOM_AOT", "true")))
                || !AotCache.supported(java)) {
            return List.of();
        }
        return planned.stream().filter(s -> !ServiceProcess.devstackCache(s.name(), settings.serviceJar(s.name())).isCurrent(java)).toList();
    }

    /**
     * Makes the AOT cache of each service whose jar has none yet (a fresh clone, a rebuilt jar): one training start
     * each, a core's worth at a time, against the infrastructure just started. Once per build; a failed training only means that
     * service starts from its jar. {@code -Dnewsroom.devstack.aot=false} (NEWSROOM_AOT=false) starts every service from
     * its jar.
     */
    private void prepareStartupCaches(Map<PlatformService, Map<String, String>> environments) {
        String java = ServiceProcess.javaExecutable();
        var stale = staleCaches(environments.keySet());
        long t0 = System.nanoTime();
        System.out.printf("devstack: making the start-up (AOT) caches of %s, once per build ...%n",
                String.join(", ", stale.stream().map(PlatformService::name).toList()));
        // As many at once as there are cores: each is a whole start plus the cache's assembly, CPU-bound
        try (var executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            stale.forEach(service -> executor.submit(() -> {
                try {
                    ServiceProcess.devstackCache(service.name(), settings.serviceJar(service.name())).train(java,
                            environments.get(service), settings.logFile(service.name() + "-aot-training"), Duration.ofMinutes(5));
                } catch (RuntimeException e) {
                    System.err.printf("devstack: no AOT cache for %s, it starts from its jar (%s)%n", service.name(), e.getMessage());
                }
            }));
        } // waits for every training
        System.out.printf("devstack: start-up caches made in %.1f s%n", seconds(t0));
    }

    /** Starts the infrastructure side by side; returns with Kafka, PostgreSQL and Redis up, Elasticsearch still starting. */
    private CompletableFuture<LocalElasticsearch> startInfrastructure() {
        var es = CompletableFuture.supplyAsync(() -> LocalElasticsearch.persistent(settings.dataDir("elasticsearch"),
                settings.elasticsearchPort(), ServiceProcess.ELASTICSEARCH_FLAGS));
        var pg = CompletableFuture.supplyAsync(() -> LocalPostgres.persistent(settings.dataDir("postgres"), settings.postgresPort()));
        var kf = CompletableFuture.supplyAsync(() -> LocalKafka.persistent(settings.dataDir("kafka"), settings.kafkaPort()));
        var rd = CompletableFuture.supplyAsync(() -> LocalRedis.onPort(PlatformPlan.REDIS_PORT));
        postgres = join(pg, "PostgreSQL");
        kafka = join(kf, "Kafka");
        redis = join(rd, "Redis");
        postgres.createDatabase("articles");
        postgres.createDatabase("comments");
        LocalTopics.create(kafka.bootstrapServers());
        return es;
    }

    private void awaitElasticsearch(CompletableFuture<LocalElasticsearch> es, long t0) {
        elasticsearch = join(es, "Elasticsearch");
        System.out.printf("devstack: Elasticsearch %s up in %.1f s%n", elasticsearch.httpUri(), seconds(t0));
    }

    private void launch(PlatformService service, Map<String, String> environment, List<String> prefix) {
        synchronized (this) { // not after stop() has run: that process would outlive devstack
            if (stopped.getCount() == 0) {
                throw new DevstackException("stopped while starting");
            }
            services.add(ServiceProcess.launch(service, environment, settings, prefix));
        }
    }

    // Fault drills (devstack's platform tests): one part of the running platform fails and comes back.

    /** SIGKILL: no graceful shutdown, in-flight work is lost as in a crash. */
    synchronized void kill(String name) {
        process(name).kill();
    }

    /** SIGTERM, as an orchestrator stops a pod. */
    synchronized void stop(String name) {
        process(name).stop();
    }

    /** Starts a stopped or killed service again (same port, configuration and data) and waits until it is ready. */
    void restart(String name) {
        restart(name, Map.of());
    }

    /** Restarts a service with extra env vars (a benchmark compares two settings of one service on the same platform). */
    void restart(String name, Map<String, String> extra) {
        ServiceProcess started;
        synchronized (this) {
            var old = process(name);
            old.stop();
            var environment = new java.util.HashMap<>(plan.service(name).environment(infra));
            environment.putAll(extra);
            started = ServiceProcess.launch(plan.service(name), environment, settings);
            services.set(services.indexOf(old), started);
        }
        started.awaitReady(READY_TIMEOUT);
        started.watchForUnexpectedExit();
    }

    /** Stops the broker; its port and log directory stay for {@link #startKafka()}. */
    void stopKafka() {
        kafka.stop();
    }

    void startKafka() {
        kafka.start();
    }

    /** Stops the node (SIGTERM); port and data directory (every index) stay for {@link #startElasticsearch()}. */
    void stopElasticsearch() {
        elasticsearch.stop();
    }

    /** Starts the node again and waits for a yellow/green cluster. */
    void startElasticsearch() {
        elasticsearch.start();
    }

    /**
     * Stops the one PostgreSQL server (fast shutdown: sessions cut, open transactions rolled back). Both databases
     * live on it, so article-service and comment-service lose theirs together, as when a shared server restarts.
     */
    void stopPostgres() {
        postgres.stop();
    }

    /** Starts it again on the same port and data directory. */
    void startPostgres() {
        postgres.start();
    }

    private ServiceProcess process(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    private static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DevstackException(what + " did not start: " + cause.getMessage(), cause);
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Services first, all at once (they drain in-flight work, close consumers and flush their outbox while Kafka and
     * PostgreSQL are still up), SIGKILL for any still running after {@link #SERVICE_GRACE}; then the infrastructure,
     * side by side, each bounded. Data stays in {@link DevstackSettings#home()}.
     */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        long t0 = System.nanoTime();
        System.out.println("devstack: stopping");
        ServiceProcess.onUnexpectedExit(dead -> { });
        ServiceProcess.stopAll(services, SERVICE_GRACE);
        var infraStops = List.of(
                quietly(elasticsearch, LocalElasticsearch::stop),
                quietly(kafka, LocalKafka::stop),
                quietly(postgres, LocalPostgres::stop),
                quietly(redis, LocalRedis::stop),
                quietly(traces, TraceStore::stop));
        try {
            CompletableFuture.allOf(infraStops.toArray(CompletableFuture[]::new)).get(INFRA_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // Elasticsearch, Redis and Zipkin are child processes: SIGKILL whatever is left (Elasticsearch replays its
            // translog on the next start, nothing is lost). PostgreSQL has had its fast shutdown; Kafka is in this JVM.
            var left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            if (!left.isEmpty()) {
                System.err.printf("devstack: %d infrastructure processes still stopping after %d s; killing them%n",
                        left.size(), INFRA_GRACE.toSeconds());
                left.forEach(ProcessHandle::destroyForcibly);
            } // else only Kafka, in this JVM, is still closing: the exit ends it (its log is recovered on the next start)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by quietly
        }
        System.out.printf("devstack: stopped in %.1f s; data kept in %s%n", seconds(t0), settings.home());
        stopped.countDown();
    }

    private static <T> CompletableFuture<Void> quietly(T infra, java.util.function.Consumer<T> stop) {
        if (infra == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                stop.accept(infra);
            } catch (RuntimeException e) {
                System.err.println("devstack: while stopping: " + e.getMessage());
            }
        });
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
