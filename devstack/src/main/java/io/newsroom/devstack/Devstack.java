package io.newsroom.devstack;

import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.LocalPostgres;
import io.newsroom.infra.LocalRedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The whole platform on one machine: real Kafka, PostgreSQL and Elasticsearch (from local-infra),
 * then every service as its own process on its production port, demo content loaded.
 * Ctrl-C / SIGTERM stops everything; data survives until a start with {@code -Dfresh}.
 */
public final class Devstack {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final DevstackSettings settings;
    private final Map<String, Map<String, String>> overrides;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
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
        Runtime.getRuntime().addShutdownHook(new Thread(devstack::stop, "devstack-shutdown"));
        // A platform with a dead service is not the platform: say which one and stop the rest.
        ServiceProcess.onUnexpectedExit(dead -> {
            System.err.printf("devstack: %s exited unexpectedly (exit code %d); last log lines:%n%s%n",
                    dead.name(), dead.exitCode(), dead.logTail());
            System.exit(1);
        });
        try {
            devstack.start();
        } catch (DevstackException e) {
            System.err.println();
            System.err.println("devstack: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever did start
        }
        devstack.awaitStop();
    }

    void start() {
        long t0 = System.nanoTime();
        plan = PlatformPlan.local(settings, overrides);
        PortGuard.requireFree(plan.ports());
        PortGuard.requireFree(Map.of(TraceStore.DEFAULT_PORT, "Zipkin (trace store)"));
        settings.prepareHome();
        System.out.printf("devstack: data in %s%s%n", settings.home(), settings.fresh() ? " (fresh start)" : "");

        traces = TraceStore.start(TraceStore.jar(settings.root()), TraceStore.DEFAULT_PORT, settings.logFile("zipkin"));
        startInfrastructure();
        traces.awaitReady(Duration.ofSeconds(90));
        System.out.printf("devstack: infrastructure up in %.1f s (Kafka %s, PostgreSQL %s, Elasticsearch %s)%n",
                seconds(t0), kafka.bootstrapServers(), postgres.jdbcUrl("articles"), elasticsearch.httpUri());

        infra = new InfraEndpoints(kafka.bootstrapServers(), postgres.jdbcUrl("articles"),
                postgres.jdbcUrl("comments"), postgres.username(), postgres.password(), elasticsearch.httpUri().toString());
        for (var service : plan.services()) {
            var environment = new java.util.HashMap<>(service.environment(infra));
            // Spans go to the local Zipkin (Boot 4 and Boot 3 property names; inert in a service without a tracer).
            environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", traces.spansEndpoint());
            environment.put("MANAGEMENT_ZIPKIN_TRACING_ENDPOINT", traces.spansEndpoint());
            services.add(ServiceProcess.launch(service, environment, settings));
        }
        services.forEach(service -> service.awaitReady(READY_TIMEOUT));
        services.forEach(ServiceProcess::watchForUnexpectedExit);

        System.out.printf("devstack: platform ready in %.1f s%n", seconds(t0));
        System.out.println(Banner.ready(plan, settings));
        System.out.println("  Traces (Zipkin)  " + traces.url() + "   (in memory; spans posted to " + traces.spansEndpoint() + ")");
    }

    private void startInfrastructure() {
        // Elasticsearch is the slowest to start, so the three start side by side.
        var es = CompletableFuture.supplyAsync(() -> LocalElasticsearch.persistent(settings.dataDir("elasticsearch"), settings.elasticsearchPort()));
        var pg = CompletableFuture.supplyAsync(() -> LocalPostgres.persistent(settings.dataDir("postgres"), settings.postgresPort()));
        var kf = CompletableFuture.supplyAsync(() -> LocalKafka.persistent(settings.dataDir("kafka"), settings.kafkaPort()));
        var rd = CompletableFuture.supplyAsync(() -> LocalRedis.onPort(PlatformPlan.REDIS_PORT));
        postgres = join(pg, "PostgreSQL");
        kafka = join(kf, "Kafka");
        elasticsearch = join(es, "Elasticsearch");
        redis = join(rd, "Redis");
        postgres.createDatabase("articles");
        postgres.createDatabase("comments");
        LocalTopics.create(kafka.bootstrapServers());
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

    /** Services first (they drain in-flight work), then the infrastructure they use. */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        System.out.println("devstack: stopping");
        ServiceProcess.onUnexpectedExit(dead -> { });
        services.reversed().forEach(ServiceProcess::stop);
        quietly(elasticsearch, LocalElasticsearch::stop);
        quietly(kafka, LocalKafka::stop);
        quietly(postgres, LocalPostgres::stop);
        quietly(redis, LocalRedis::stop);
        quietly(traces, TraceStore::stop);
        System.out.println("devstack: stopped; data kept in " + settings.home());
        stopped.countDown();
    }

    private static <T> void quietly(T infra, java.util.function.Consumer<T> stop) {
        if (infra == null) {
            return;
        }
        try {
            stop.accept(infra);
        } catch (RuntimeException e) {
            System.err.println("devstack: while stopping: " + e.getMessage());
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
