package io.newsroom.search.bench;

import io.newsroom.infra.LocalKafka;
import io.newsroom.search.support.EventPublisher;
import io.newsroom.events.ArticlePublished;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (a): publish-to-searchable latency at 50 publishes/s while 20 searches/s run.
 * Each published headline carries a unique word; for a sample, a watcher polls search for it and records when it
 * first shows up, measured from the event's ce_time; the service's own histogram
 * (newsroom.search.publish_to_searchable) covers every article. Args: [seconds, default 60].
 */
public final class FreshnessBenchmark {

    /** Every 10th article is also watched from outside, polling search every 20 ms (the rest via the metric). */
    private static final int WATCH_EVERY = 10;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        try (ConfigurableApplicationContext service = BenchSupport.startService();
             EventPublisher publisher = new EventPublisher(LocalKafka.shared().bootstrapServers())) {
            int port = BenchSupport.port(service);
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(7);
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Double> searchMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failedSearches = new AtomicInteger();
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);

            // Warm up the path once.
            publisher.publish(BenchSupport.article(random, -1));
            Thread.sleep(2000);

            System.out.println("FRESHNESS load average at start: " + BenchSupport.loadAverage());
            // 20 searches/s of reader traffic.
            pool.scheduleAtFixedRate(() -> {
                long start = System.nanoTime();
                int status = get(http, port, "/search?q=" + BenchSupport.words(random, 2).replace(' ', '+'));
                searchMillis.add((System.nanoTime() - start) / 1e6);
                if (status != 200) {
                    failedSearches.incrementAndGet();
                }
            }, 0, 50, TimeUnit.MILLISECONDS);

            // 50 publishes/s; each one is watched until searchable (polling every 10 ms).
            int total = seconds * 50;
            AtomicInteger seen = new AtomicInteger();
            for (int i = 0; i < total; i++) {
                String marker = "fresh" + i + "x" + Integer.toHexString(random.nextInt());
                ArticlePublished article = BenchSupport.article(random, i);
                ArticlePublished marked = new ArticlePublished(article.articleId(), 1, article.slug(),
                        marker + " " + article.headline(), article.standfirst(), article.dateline(), article.byline(),
                        article.body(), article.section(), article.tags(), null, true, false, article.publishedAt(),
                        article.updatedAt(), List.of());
                Instant eventTime = Instant.now();
                publisher.publishAsync(marked, eventTime);
                if (i % WATCH_EVERY == 0) {
                    pool.execute(() -> watch(http, port, marker, eventTime, latencies, seen));
                }
                Thread.sleep(20);
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.get() < total / WATCH_EVERY && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            pool.shutdownNow();
            System.out.println("FRESHNESS load average at end: " + BenchSupport.loadAverage());
            double[] sorted = BenchSupport.sorted(latencies);
            double[] searches = BenchSupport.sorted(searchMillis);
            var timer = service.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get(io.newsroom.search.freshness.PublishToSearchable.METRIC).timer();
            System.out.printf("FRESHNESS publishes=%d (%.0f/s) visible=%d%n", total, 50.0, sorted.length);
            System.out.printf("FRESHNESS observed by polling search: p50=%.0f ms p99=%.0f ms max=%.0f ms%n",
                    BenchSupport.percentile(sorted, 50), BenchSupport.percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
            var snapshot = timer.takeSnapshot();
            for (var p : snapshot.percentileValues()) {
                System.out.printf("FRESHNESS metric %s p%.0f=%.0f ms%n", timer.getId().getName(), p.percentile() * 100,
                        p.value(TimeUnit.MILLISECONDS));
            }
            System.out.printf("SEARCHES during run: %d (%.1f/s) failed=%d p50=%.1f ms p99=%.1f ms%n", searches.length,
                    searches.length / (double) seconds, failedSearches.get(), BenchSupport.percentile(searches, 50),
                    BenchSupport.percentile(searches, 99));
        }
        System.exit(0);
    }

    private static void watch(HttpClient http, int port, String marker, Instant eventTime, List<Double> latencies,
                              AtomicInteger seen) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String found = body(http, port, "/search?size=1&sort=newest&q=" + marker);
            if (found.contains(marker)) {
                latencies.add((double) Duration.between(eventTime, Instant.now()).toMillis());
                seen.incrementAndGet();
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static int get(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String body(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }
}
