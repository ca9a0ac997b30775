package io.newsroom.search.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.LocalKafka;
import io.newsroom.search.freshness.PublishToSearchable;
import io.newsroom.search.support.EventPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (a): publish-to-searchable latency at 50 publishes/s while 20 reader searches/s run
 * (args: [seconds, default 60] [searches/s, default 20]; random 1–3 word queries with highlighting and facets, sent asynchronously so a slow one does not
 * lower the offered rate). Two views: the service's own histogram
 * ({@code newsroom.search.publish_to_searchable}, every article) and an outside observer that polls
 * {@code GET /latest?size=50} every 25 ms and notes when each article first shows up (so it includes
 * the observer's polling delay, ~12 ms on average).
 */
public final class FreshnessBenchmark {

    private static final int PUBLISHES_PER_SECOND = 50;
    private static final int OBSERVE_INTERVAL_MS = 25;
    private static final Pattern MARKER = Pattern.compile("fresh(\\d+)x");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int searchesPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (ConfigurableApplicationContext service = BenchSupport.startService();
             EventPublisher publisher = new EventPublisher(LocalKafka.shared().bootstrapServers())) {
            int port = BenchSupport.port(service);
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(7);
            int total = seconds * PUBLISHES_PER_SECOND;
            Map<Integer, Instant> published = new ConcurrentHashMap<>();
            Map<Integer, Double> visibleAfter = new ConcurrentHashMap<>();
            List<Double> searchMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failedSearches = new AtomicInteger();
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

            // Warm up the whole path (consume, bulk, refresh, search) before measuring.
            for (int i = 0; i < 20; i++) {
                publisher.publish(BenchSupport.article(random, -i));
                get(http, port, "/search?q=" + BenchSupport.words(random, 2).replace(' ', '+'));
            }
            Thread.sleep(2000);
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            long warmUpCount = meters.get(PublishToSearchable.METRIC).timer().count();
            System.out.println("FRESHNESS load average at start: " + BenchSupport.loadAverage());

            scheduler.scheduleAtFixedRate(() -> {
                long start = System.nanoTime();
                http.sendAsync(request(port, "/search?q=" + BenchSupport.words(random, 1 + random.nextInt(3))
                                .replace(' ', '+')), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            searchMillis.add((System.nanoTime() - start) / 1e6);
                            if (error != null || response.statusCode() != 200) {
                                failedSearches.incrementAndGet();
                            }
                        });
            }, 0, 1_000_000 / searchesPerSecond, TimeUnit.MICROSECONDS);
            scheduler.scheduleWithFixedDelay(() -> observe(http, port, published, visibleAfter),
                    0, OBSERVE_INTERVAL_MS, TimeUnit.MILLISECONDS);

            long startNanos = System.nanoTime();
            for (int i = 0; i < total; i++) {
                ArticlePublished article = BenchSupport.article(random, i);
                Instant now = Instant.now();
                // publishedAt = now, so the article is at the top of /latest when it becomes visible.
                ArticlePublished marked = new ArticlePublished(article.articleId(), 1, article.slug(),
                        "fresh" + i + "x " + article.headline(), article.standfirst(), article.dateline(),
                        article.byline(), article.body(), article.section(), article.tags(), null, true, false,
                        now, now, List.of());
                published.put(i, now);
                publisher.publishAsync(marked, now);
                long next = startNanos + (i + 1) * 1_000_000_000L / PUBLISHES_PER_SECOND;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (visibleAfter.size() < total && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            scheduler.shutdownNow();
            System.out.println("FRESHNESS load average at end: " + BenchSupport.loadAverage());

            double[] observed = BenchSupport.sorted(new ArrayList<>(visibleAfter.values()));
            double[] searches = BenchSupport.sorted(new ArrayList<>(searchMillis));
            var timer = meters.get(PublishToSearchable.METRIC).timer();
            System.out.printf("FRESHNESS publishes=%d at %d/s over %d s, observed visible=%d%n", total,
                    PUBLISHES_PER_SECOND, seconds, observed.length);
            System.out.printf("FRESHNESS observed via /latest: p50=%.0f ms p99=%.0f ms max=%.0f ms%n",
                    BenchSupport.percentile(observed, 50), BenchSupport.percentile(observed, 99),
                    observed.length == 0 ? Double.NaN : observed[observed.length - 1]);
            var snapshot = timer.takeSnapshot();
            for (var p : snapshot.percentileValues()) {
                System.out.printf("FRESHNESS metric %s p%.0f=%.0f ms (%d events incl. %d warm-up)%n",
                        timer.getId().getName(), p.percentile() * 100, p.value(TimeUnit.MILLISECONDS),
                        timer.count(), warmUpCount);
            }
            for (var bucket : snapshot.histogramCounts()) {
                if (Math.abs(bucket.bucket(TimeUnit.MILLISECONDS) - 500) < 0.5) {
                    System.out.printf("FRESHNESS metric share <= 500 ms: %.2f %%%n", 100.0 * bucket.count() / timer.count());
                }
            }
            System.out.printf("SEARCHES offered %d/s; completed %d (%.1f/s) failed=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
                    searchesPerSecond, searches.length, searches.length / (double) seconds, failedSearches.get(),
                    BenchSupport.percentile(searches, 50), BenchSupport.percentile(searches, 95),
                    BenchSupport.percentile(searches, 99));
        }
        System.exit(0);
    }

    /** One cheap poll of the newest articles; every marker seen for the first time is recorded. */
    private static void observe(HttpClient http, int port, Map<Integer, Instant> published,
                                Map<Integer, Double> visibleAfter) {
        try {
            String body = http.send(request(port, "/latest?size=50"), HttpResponse.BodyHandlers.ofString()).body();
            Instant now = Instant.now();
            Matcher marker = MARKER.matcher(body);
            while (marker.find()) {
                int n = Integer.parseInt(marker.group(1));
                Instant sent = published.get(n);
                if (sent != null) {
                    visibleAfter.putIfAbsent(n, (double) Duration.between(sent, now).toMillis());
                }
            }
        } catch (Exception e) {
            // a failed poll only delays observation
        }
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    }

    private static void get(HttpClient http, int port, String path) {
        try {
            http.send(request(port, path), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
