package io.newsroom.site.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.newsroom.infra.http.HttpTestClient;

/**
 * A program, not a test: the site's article page ({@code GET /articles/{slug}}, HTML) through the gateway, next to
 * the composite API call it is built from ({@code GET /api/v1/pages/article/{slug}}), on a running platform
 * (devstack). Alternates the two for several rounds and prints throughput, p50/p99 and the ratio per round, with
 * the machine's load average. Each request carries its own reader address in X-Forwarded-For (the gateway trusts
 * loopback as a proxy), so the per-reader rate limits are not what is measured.
 *
 * <pre>./mvnw -B -o -q -pl web test-compile exec:exec -Dbench.slug=&lt;slug&gt; [-Dbench.seconds=15 -Dbench.concurrency=16 -Dbench.rounds=3]</pre>
 */
public final class ArticlePageBenchmark {

    private ArticlePageBenchmark() {
    }

    record Result(String what, double perSecond, double p50, double p99, Map<String, Integer> errors, long count) {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.gateway", "http://localhost:8080");
        String slug = System.getProperty("bench.slug");
        int seconds = Integer.getInteger("bench.seconds", 15);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int rounds = Integer.getInteger("bench.rounds", 3);
        // the load generator keeps a JDK client of its own (gzip, bodies as bytes, its own threads); plain requests use HttpTestClient
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        if (slug == null || slug.isBlank()) {
            String latest = HttpTestClient.to(base).get("/api/v1/articles?limit=1").body();
            int at = latest.indexOf("\"slug\":\"") + 8;
            slug = latest.substring(at, latest.indexOf('"', at));
        }
        URI page = URI.create(base + "/articles/" + slug);
        URI api = URI.create(base + "/api/v1/pages/article/" + slug);
        System.out.printf(Locale.ROOT, "article %s, %d s per measurement, %d concurrent, %d rounds, %d cores%n", slug, seconds,
                concurrency, rounds, Runtime.getRuntime().availableProcessors());
        run(http, page, 5, concurrency); // warm-up of both paths
        run(http, api, 5, concurrency);
        for (int round = 1; round <= rounds; round++) {
            Result site = measure(http, "site page", page, seconds, concurrency);
            Result composite = measure(http, "composite API", api, seconds, concurrency);
            print(site);
            print(composite);
            System.out.printf(Locale.ROOT, "round %d: site/composite throughput %.2f, p50 %.2fx, p99 %.2fx, load average %s%n%n",
                    round, site.perSecond() / composite.perSecond(), site.p50() / composite.p50(), site.p99() / composite.p99(), load());
        }
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "  %-14s %8.1f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, errors %s)%n",
                r.what(), r.perSecond(), r.p50(), r.p99(), r.count(), r.errors().isEmpty() ? "none" : r.errors());
    }

    private static Result measure(HttpClient http, String what, URI uri, int seconds, int concurrency) throws Exception {
        var latencies = run(http, uri, seconds, concurrency);
        List<Long> sorted = new ArrayList<>(latencies.nanos());
        Collections.sort(sorted);
        return new Result(what, sorted.size() / (double) seconds, percentile(sorted, 50), percentile(sorted, 99),
                latencies.errors(), sorted.size());
    }

    /** Failed requests by what came back: the status code, or the exception's name. */
    record Latencies(ConcurrentLinkedQueue<Long> nanos, Map<String, Integer> errors) {
    }

    private static Latencies run(HttpClient http, URI uri, int seconds, int concurrency) throws Exception {
        var nanos = new ConcurrentLinkedQueue<Long>();
        var errors = new ConcurrentSkipListMap<String, Integer>();
        var reader = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int n = reader.incrementAndGet();
                        var request = HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip")
                                .header("X-Forwarded-For", "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255))
                                .timeout(Duration.ofSeconds(10)).build();
                        long start = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 200) {
                                nanos.add(System.nanoTime() - start);
                            } else {
                                errors.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
                            }
                        } catch (Exception e) {
                            errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
        }
        return new Latencies(nanos, errors);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
