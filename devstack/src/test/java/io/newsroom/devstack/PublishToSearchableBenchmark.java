package io.newsroom.devstack;

import io.newsroom.devstack.Newsroom.Story;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A program, not a test: publish→searchable end to end on the whole platform (devstack: every service its own
 * process, real Kafka, PostgreSQL and Elasticsearch), everything through the gateway. An editor publishes drafts at a
 * fixed rate ({@code POST /api/v1/editor/articles/{id}/publish}); readers search meanwhile; an observer polls
 * {@code GET /api/v1/latest?limit=50} every 100 ms and notes when each article first shows up. Publish→searchable is
 * from the editor's request to the first poll that saw it, so it holds article-service, the outbox relay, Kafka,
 * search-service, Elasticsearch's refresh and the gateway twice.
 *
 * <p>Both designs in one run, one after the other on the same platform: {@code live} (search-service's live
 * refresh) and {@code stock} (search-service restarted with {@code NEWSROOM_SEARCH_FRESHNESS_LIVEREFRESH=false}:
 * the index's own 1 s refresh only). System properties: {@code bench.e2e.seconds} (30, measured per design),
 * {@code bench.e2e.warmup} (10), {@code bench.e2e.rate} (10 publishes/s), {@code bench.e2e.searches} (5/s),
 * {@code bench.e2e.designs} ({@code live,stock}), {@code bench.out} (where the per-second CSVs go, default target),
 * {@code bench.web-classpath} (when set, the web module's ArticlePageBenchmark runs on the same platform afterwards).
 * Needs the service jars (a reactor build) and the platform's ports: run it under {@code flock /work/devstack.lock}
 * on a shared machine.
 */
public final class PublishToSearchableBenchmark {

    private static final int OBSERVE_MS = 100;

    private PublishToSearchableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.e2e.seconds", 30);
        int warmUp = Integer.getInteger("bench.e2e.warmup", 10);
        int rate = Integer.getInteger("bench.e2e.rate", 10);
        int searches = Integer.getInteger("bench.e2e.searches", 5);
        List<String> designs = List.of(System.getProperty("bench.e2e.designs", "live,stock").split(","));
        Path out = Path.of(System.getProperty("bench.out", "target"));
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "E2E platform starting; %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(), load());
        // a benchmark on a shared machine: a PostgreSQL another checkout's devstack left on the port is not ours to stop
        if (System.getProperty("newsroom.platform.postgres-port") == null && !PortGuardFree.free(15432)) {
            int port = PortGuardFree.any();
            System.setProperty("newsroom.platform.postgres-port", Integer.toString(port));
            System.out.printf("E2E port 15432 is taken; PostgreSQL on %d instead%n", port);
        }
        var platform = RunningPlatform.Started.start();
        int exit = 0;
        try {
            boolean liveNow = true;
            for (String design : designs) {
                boolean live = design.equals("live");
                if (live != liveNow) {
                    long restart = System.nanoTime();
                    platform.devstack().restart("search-service",
                            live ? Map.of() : Map.of("NEWSROOM_SEARCH_FRESHNESS_LIVEREFRESH", "false"));
                    liveNow = live;
                    System.out.printf(Locale.ROOT, "E2E search-service restarted as %s in %d ms%n", design,
                            (System.nanoTime() - restart) / 1_000_000);
                }
                measure(design, warmUp, seconds, rate, searches, out);
            }
            String web = System.getProperty("bench.web-classpath");
            if (web != null && !web.isBlank()) {
                exit = articlePage(web);
            }
        } finally {
            platform.close();
        }
        System.exit(exit);
    }

    private static void measure(String design, int warmUp, int seconds, int rate, int searchRate, Path out) throws Exception {
        String family = Newsroom.marker("efam");
        int total = rate * (warmUp + seconds);
        Map<String, Integer> byMarker = new ConcurrentHashMap<>();
        List<Story> drafts;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            drafts = pool.invokeAll(IntStream.range(0, total).<java.util.concurrent.Callable<Story>>mapToObj(i -> () -> {
                String marker = Newsroom.marker("e");
                byMarker.put(marker, i);
                return Newsroom.draft(Newsroom.copy(marker, family));
            }).toList()).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        long[] sent = new long[total];
        long[] answered = new long[total];
        long[] seen = new long[total];
        AtomicInteger failed = new AtomicInteger();
        List<Double> searchMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failedSearches = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean(false);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3);
        ExecutorService editors = Executors.newFixedThreadPool(8);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        timers.scheduleWithFixedDelay(() -> observe(byMarker, seen), 0, OBSERVE_MS, TimeUnit.MILLISECONDS);
        String[] words = {"harbour", "storm", "ferries", "traders", "fishermen", family};
        timers.scheduleAtFixedRate(() -> readers.submit(() -> {
            boolean counted = measuring.get();
            long asked = System.nanoTime();
            try {
                var response = Newsroom.get("/search?q=" + words[(int) (asked % words.length)] + "&limit=10");
                if (response.status() != 200 && counted) {
                    failedSearches.incrementAndGet();
                }
            } catch (RuntimeException e) {
                if (counted) {
                    failedSearches.incrementAndGet();
                }
            }
            if (counted) {
                searchMillis.add((System.nanoTime() - asked) / 1e6);
            }
        }), 0, 1_000_000 / Math.max(1, searchRate), TimeUnit.MICROSECONDS);
        int first = rate * warmUp;
        for (int i = 0; i < total; i++) {
            if (i == first) {
                measuring.set(true);
                System.out.printf(Locale.ROOT, "E2E design=%s load average at start of measuring: %s%n", design, load());
            }
            int n = i;
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            editors.submit(() -> {
                sent[n] = System.nanoTime();
                try {
                    Newsroom.publish(drafts.get(n));
                    answered[n] = System.nanoTime();
                } catch (RuntimeException | AssertionError e) {
                    failed.incrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && Arrays.stream(seen, first, total).anyMatch(t -> t == 0)) {
            Thread.sleep(100);
        }
        measuring.set(false);
        timers.shutdownNow();
        editors.shutdown();
        readers.shutdown();
        editors.awaitTermination(30, TimeUnit.SECONDS);
        readers.awaitTermination(30, TimeUnit.SECONDS);

        List<Double> publishMillis = new ArrayList<>();
        List<Double> searchable = new ArrayList<>();
        int neverSeen = 0;
        int[] publishedPerSecond = new int[warmUp + seconds + 30];
        int[] searchablePerSecond = new int[warmUp + seconds + 30];
        for (int i = 0; i < total; i++) {
            if (answered[i] > 0) {
                publishedPerSecond[Math.min(publishedPerSecond.length - 1, (int) ((answered[i] - start) / 1_000_000_000L))]++;
            }
            if (seen[i] > 0 && sent[i] > 0) {
                searchablePerSecond[Math.min(searchablePerSecond.length - 1, (int) ((seen[i] - start) / 1_000_000_000L))]++;
            }
            if (i < first || answered[i] == 0) {
                continue;
            }
            publishMillis.add((answered[i] - sent[i]) / 1e6);
            if (seen[i] == 0) {
                neverSeen++;
            } else {
                searchable.add(Math.max(0, seen[i] - sent[i]) / 1e6);
            }
        }
        double[] p = sorted(publishMillis);
        double[] s = sorted(searchable);
        double[] q = sorted(new ArrayList<>(searchMillis));
        long within = searchable.stream().filter(v -> v <= 500).count();
        System.out.printf(Locale.ROOT, "E2E design=%s measured %d publishes at %d/s over %d s after %d s warm-up; failed %d; never seen %d%n",
                design, total - first, rate, seconds, warmUp, failed.get(), neverSeen);
        System.out.printf(Locale.ROOT, "E2E design=%s publish request p50=%.1f ms p95=%.1f ms p99=%.1f ms%n", design,
                pct(p, 50), pct(p, 95), pct(p, 99));
        System.out.printf(Locale.ROOT, "E2E design=%s publish->searchable p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms within500=%.1f %%%n",
                design, pct(s, 50), pct(s, 95), pct(s, 99), s.length == 0 ? Double.NaN : s[s.length - 1],
                s.length == 0 ? 0 : 100.0 * within / s.length);
        System.out.printf(Locale.ROOT, "E2E design=%s searches n=%d failed=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms%n", design,
                q.length, failedSearches.get(), pct(q, 50), pct(q, 95), pct(q, 99));
        System.out.printf(Locale.ROOT, "E2E design=%s load average at end: %s%n", design, load());
        var csv = new StringBuilder("second,published,searchable\n");
        for (int t = 0; t < publishedPerSecond.length; t++) {
            csv.append(t).append(',').append(publishedPerSecond[t]).append(',').append(searchablePerSecond[t]).append('\n');
        }
        Files.writeString(out.resolve("e2e-" + design + "-per-second.csv"), csv);
    }

    /**
     * One poll of the newest articles through the gateway; every marker seen for the first time is noted. When the
     * oldest article of a page is new too (one refresh made more than a page visible), the next page is read as well
     * (at most 5), or those articles would never be seen.
     */
    private static void observe(Map<String, Integer> byMarker, long[] seen) {
        try {
            String cursor = null;
            for (int page = 0; page < 5; page++) {
                var response = Newsroom.get("/latest?limit=50" + (cursor == null ? ""
                        : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
                long now = System.nanoTime();
                if (response.status() != 200) {
                    return;
                }
                JsonNode body = PlatformClient.json(response);
                boolean lastWasNew = false;
                for (JsonNode item : body.path("items")) {
                    Integer n = byMarker.get(item.path("headline").asString("").split(" ", 2)[0]);
                    lastWasNew = n != null && seen[n] == 0;
                    if (lastWasNew) {
                        seen[n] = now;
                    }
                }
                if (!lastWasNew || !body.path("nextCursor").isString()) {
                    return;
                }
                cursor = body.path("nextCursor").asString();
            }
        } catch (RuntimeException e) {
            // a failed poll only delays observation
        }
    }

    /** The web module's benchmark (site page vs the composite API it is built from) on this platform. */
    private static int articlePage(String classpath) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
        for (String property : List.of("bench.seconds", "bench.concurrency", "bench.rounds")) {
            String value = System.getProperty("bench.web." + property.substring(6));
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("io.newsroom.site.bench.ArticlePageBenchmark");
        System.out.println("E2E running the site's ArticlePageBenchmark on the same platform");
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** Whether a loopback port is free, and a free one. */
    private static final class PortGuardFree {

        static boolean free(int port) {
            try (var socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        static int any() throws IOException {
            try (var socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
