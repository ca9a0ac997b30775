package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.search.support.EventPublisher;
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
 * Benchmark (a): publish-to-searchable latency at 50 publishes/s while reader searches run
 * (args: [measured seconds, default 60] [searches/s, default 20] [warm-up seconds, default 20]).
 * {@code -Dbench.refresh=stock} runs the stock design instead (no live refresh, the index's 1 s refresh; only the
 * observer's figures then, the service's histogram stays empty). Articles and queries come from {@link BenchSupport#corpus()}; searches use highlighting and facets, sent asynchronously so a slow one
 * does not lower the offered rate. The same load runs through a warm-up first (JIT, caches, segment
 * merges settle); only the measured phase counts.
 *
 * <p>Two views. The service's histogram {@code newsroom_search_publish_to_searchable_seconds}, scraped
 * from {@code /actuator/prometheus} before and after the measured phase and read like
 * {@code histogram_quantile} does, with its parts (delivery, bulk, refresh). And an outside observer
 * that polls {@code GET /latest?limit=50} every 100 ms and notes when each article first shows up (so it
 * includes the observer's polling delay, ~50 ms on average; it polls no faster so that it adds only
 * 10 reads/s to the searches).
 */
public final class FreshnessBenchmark {

    private static final int PUBLISHES_PER_SECOND = 50;
    private static final int OBSERVE_INTERVAL_MS = 100;
    private static final Pattern MARKER = Pattern.compile("fresh(\\d+)x");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final List<String> HISTOGRAMS = List.of("newsroom_search_publish_to_searchable_seconds",
            "newsroom_search_event_delivery_seconds", "newsroom_search_live_bulk_seconds",
            "newsroom_search_live_refresh_seconds");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int searchesPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        // -Dbench.refresh=stock: the stock design (no live refresh, the index's 1 s refresh_interval) for comparison
        boolean stock = "stock".equals(System.getProperty("bench.refresh", "live"));
        System.out.println("FRESHNESS design: " + (stock ? "stock (1 s refresh_interval, no live refresh)" : "live refresh")
                + "; trace sampling " + ProductionTracing.sampling() + " (deploy/)");
        try (ConfigurableApplicationContext service = stock
                ? BenchSupport.startService("--newsroom.search.freshness.live-refresh=false") : BenchSupport.startService();
             EventPublisher publisher = new EventPublisher(LocalKafka.shared().bootstrapServers())) {
            int port = BenchSupport.port(service);
            int managementPort = BenchSupport.managementPort(service);
            HttpTestClient http = HttpTestClient.loopback(port);
            Random random = new Random(7);
            Corpus corpus = BenchSupport.corpus();
            int warmUp = warmUpSeconds * PUBLISHES_PER_SECOND;
            int total = warmUp + seconds * PUBLISHES_PER_SECOND;
            Map<Integer, Instant> published = new ConcurrentHashMap<>();
            Map<Integer, Double> visibleAfter = new ConcurrentHashMap<>();
            List<Double> searchMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failedSearches = new AtomicInteger();
            AtomicInteger measuring = new AtomicInteger();
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

            scheduler.scheduleAtFixedRate(() -> {
                boolean counted = measuring.get() == 1;
                long start = System.nanoTime();
                http.request("GET", "/search?q=" + corpus.query(random).replace(' ', '+')).sendAsync()
                        .whenComplete((response, error) -> {
                            if (counted) {
                                searchMillis.add((System.nanoTime() - start) / 1e6);
                                if (error != null || response.status() != 200) {
                                    failedSearches.incrementAndGet();
                                }
                            }
                        });
            }, 0, 1_000_000 / searchesPerSecond, TimeUnit.MICROSECONDS);
            scheduler.scheduleWithFixedDelay(() -> observe(http, published, visibleAfter),
                    0, OBSERVE_INTERVAL_MS, TimeUnit.MILLISECONDS);

            Map<String, ScrapedHistogram> before = Map.of();
            NodeStats nodeBefore = null;
            long startNanos = System.nanoTime();
            long measuredNanos = 0;
            for (int i = 0; i < total; i++) {
                if (i == warmUp) {
                    before = scrapeAll(managementPort);
                    nodeBefore = NodeStats.now();
                    measuredNanos = System.nanoTime();
                    measuring.set(1);
                    System.out.println("FRESHNESS load average at start of measuring: " + BenchSupport.loadAverage());
                }
                ArticlePublished article = corpus.article(random, i);
                Instant now = Instant.now();
                // publishedAt = now, so the article is at the top of /latest when it becomes visible.
                ArticlePublished marked = new ArticlePublished(article.articleId(), 1, article.slug(),
                        "fresh" + i + "x " + article.headline(), article.standfirst(), article.dateline(),
                        article.byline(), article.body(), article.section(), article.tags(), null, true, false,
                        now, now, List.of());
                if (i >= warmUp) {
                    published.put(i, now);
                }
                publisher.publishAsync(marked, now);
                long next = startNanos + (i + 1) * 1_000_000_000L / PUBLISHES_PER_SECOND;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            measuring.set(2);
            double measuredSeconds = (System.nanoTime() - measuredNanos) / 1e9;
            long deadline = System.currentTimeMillis() + 10_000;
            while (visibleAfter.size() < published.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            scheduler.shutdownNow();
            Map<String, ScrapedHistogram> after = scrapeAll(managementPort);
            System.out.println("FRESHNESS load average at end: " + BenchSupport.loadAverage());
            System.out.println("FRESHNESS " + NodeStats.now().since(nodeBefore, measuredSeconds));

            double[] observed = BenchSupport.sorted(new ArrayList<>(visibleAfter.values()));
            double[] searches = BenchSupport.sorted(new ArrayList<>(searchMillis));
            System.out.printf("FRESHNESS measured: %d publishes at %d/s over %.0f s after %d s warm-up; observer saw %d%n",
                    published.size(), PUBLISHES_PER_SECOND, measuredSeconds, warmUpSeconds, observed.length);
            ScrapedHistogram freshness = after.get(HISTOGRAMS.getFirst()).minus(before.get(HISTOGRAMS.getFirst()));
            System.out.printf("FRESHNESS metric publish_to_searchable: %s, share <= 500 ms: %.2f %%%n",
                    freshness.summary(), 100 * freshness.shareAtMost(0.5));
            for (String part : HISTOGRAMS.subList(1, HISTOGRAMS.size())) {
                System.out.printf("FRESHNESS   part %s: %s%n", part, after.get(part).minus(before.get(part)).summary());
            }
            System.out.printf("FRESHNESS observed via /latest: p50=%.0f ms p99=%.0f ms max=%.0f ms%n",
                    BenchSupport.percentile(observed, 50), BenchSupport.percentile(observed, 99),
                    observed.length == 0 ? Double.NaN : observed[observed.length - 1]);
            System.out.printf("SEARCHES offered %d/s; completed %d (%.1f/s) failed=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
                    searchesPerSecond, searches.length, searches.length / measuredSeconds, failedSearches.get(),
                    BenchSupport.percentile(searches, 50), BenchSupport.percentile(searches, 95),
                    BenchSupport.percentile(searches, 99));
            if (stock && observed.length < published.size()) {
                System.out.println("FRESHNESS INCOMPLETE: the observer saw only " + observed.length + " of " + published.size()
                        + " measured articles; the figures above are not a result");
                System.exit(1);
            }
            if (!stock && freshness.count() < published.size()) {
                System.out.println("FRESHNESS INCOMPLETE: only " + freshness.count() + " of " + published.size()
                        + " measured articles became searchable; the figures above are not a result");
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static Map<String, ScrapedHistogram> scrapeAll(int port) {
        Map<String, ScrapedHistogram> histograms = new ConcurrentHashMap<>();
        HISTOGRAMS.forEach(name -> histograms.put(name, ScrapedHistogram.scrape(port, name)));
        return histograms;
    }

    /**
     * One cheap poll of the newest articles; every marker seen for the first time is recorded. When the oldest article
     * of a page is new too, a refresh made more than a page visible at once (the stock design's 1 s refresh at
     * 50 publishes/s), so the next page is read as well (at most 5), or those articles would never be seen.
     */
    private static void observe(HttpTestClient http, Map<Integer, Instant> published,
                                Map<Integer, Double> visibleAfter) {
        try {
            String cursor = null;
            for (int page = 0; page < 5; page++) {
                String body = http.get("/latest?limit=50" + (cursor == null ? ""
                        : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))).body();
                Instant now = Instant.now();
                Matcher marker = MARKER.matcher(body);
                boolean lastWasNew = false;
                while (marker.find()) {
                    int n = Integer.parseInt(marker.group(1));
                    Instant sent = published.get(n);
                    lastWasNew = sent != null && visibleAfter.putIfAbsent(n, (double) Duration.between(sent, now).toMillis()) == null;
                }
                Matcher next = NEXT_CURSOR.matcher(body);
                if (!lastWasNew || !next.find()) {
                    return;
                }
                cursor = next.group(1);
            }
        } catch (Exception e) {
            // a failed poll only delays observation
        }
    }
}
