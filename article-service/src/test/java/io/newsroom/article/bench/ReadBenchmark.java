package io.newsroom.article.bench;

import io.newsroom.article.ArticleServiceApplication;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleCopy;
import io.newsroom.article.editorial.ArticleCopy.BylineCopy;
import io.newsroom.article.editorial.ArticleCopy.DatelineCopy;
import io.newsroom.article.editorial.Editorial;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.LocalPostgres;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Read-path benchmark on loopback (a program, not a test): starts the service on real PostgreSQL and
 * Kafka from local-infra, publishes a corpus, then measures the hot article page (200 with body),
 * its conditional 304 path, the first Latest News page and deep Latest News pages (cursor walk).
 * Client and server share this JVM and the machine's cores, so the figures are a floor.
 *
 * <p>Run: {@code ./mvnw -B -q -pl article-service test-compile exec:exec}. System properties
 * {@code bench.articles} (1000), {@code bench.concurrency} (32), {@code bench.seconds} (15), {@code bench.warmup} (5).
 */
public final class ReadBenchmark {

    private static final int ARTICLES = Integer.getInteger("bench.articles", 1000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));

    private final HttpTestClient http;

    private ReadBenchmark(int port) {
        this.http = HttpTestClient.loopback(port);
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = startService()) {
            Editorial editorial = app.getBean(Editorial.class);
            Instant seeding = Instant.now();
            String hotSlug = null;
            for (int i = 0; i < ARTICLES; i++) {
                Article draft = editorial.createDraft(copy(i), "bench");
                hotSlug = editorial.publish(draft.id(), draft.version(), "bench").slug();
            }
            System.out.printf("Published %d articles in %d ms%n", ARTICLES, Duration.between(seeding, Instant.now()).toMillis());

            var bench = new ReadBenchmark(((WebServerApplicationContext) app).getWebServer().getPort());
            String etag = bench.http.get("/articles/" + hotSlug).header("ETag");
            List<String> cursors = bench.cursorsOfDeepPages(20);

            System.out.printf("%nconcurrency %d, warm-up %d s, measured %d s, %d cores%n", CONCURRENCY, WARMUP.toSeconds(),
                    MEASURE.toSeconds(), Runtime.getRuntime().availableProcessors());
            System.out.printf("%-34s %10s %10s %9s %9s%n", "scenario", "requests", "req/s", "p50 ms", "p99 ms");
            String slug = hotSlug;
            bench.run("hot article 200", 200, n -> bench.http.get("/articles/" + slug));
            bench.run("hot article 304 (If-None-Match)", 304, n -> bench.http.get("/articles/" + slug, "If-None-Match", etag));
            bench.run("Latest News first page (20)", 200, n -> bench.http.get("/articles?limit=20"));
            bench.run("Latest News deep pages (cursor)", 200,
                    n -> bench.http.get("/articles?limit=20&cursor=" + cursors.get(n % cursors.size())));
        }
        System.exit(0);
    }

    private void run(String scenario, int expectedStatus, IntFunction<HttpTestResponse> requests) throws InterruptedException {
        measure(requests, expectedStatus, WARMUP);
        long[] latencies = measure(requests, expectedStatus, MEASURE);
        Arrays.sort(latencies);
        System.out.printf("%-34s %10d %10.0f %9.2f %9.2f%n", scenario, latencies.length,
                latencies.length / (double) MEASURE.toSeconds(), percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** CONCURRENCY closed-loop clients for the duration; returns every request's latency in nanoseconds. */
    private long[] measure(IntFunction<HttpTestResponse> requests, int expectedStatus, Duration duration) throws InterruptedException {
        var stop = new AtomicBoolean();
        var results = new ConcurrentLinkedQueue<long[]>();
        var done = new CountDownLatch(CONCURRENCY);
        for (int c = 0; c < CONCURRENCY; c++) {
            int client = c;
            Thread.ofVirtual().start(() -> {
                long[] own = new long[1 << 16];
                int count = 0;
                try {
                    for (int n = client; !stop.get(); n += CONCURRENCY) {
                        long start = System.nanoTime();
                        HttpTestResponse response = requests.apply(n);
                        long took = System.nanoTime() - start;
                        if (response.status() != expectedStatus) {
                            throw new IllegalStateException("Got " + response);
                        }
                        if (count == own.length) {
                            own = Arrays.copyOf(own, own.length * 2);
                        }
                        own[count++] = took;
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    results.add(Arrays.copyOf(own, count));
                    done.countDown();
                }
            });
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        done.await();
        return results.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Cursors of pages 2..n+1 of Latest News, collected by walking it once. */
    private List<String> cursorsOfDeepPages(int pages) {
        var cursors = new ArrayList<String>();
        String cursor = null;
        do {
            JsonNode page = http.get("/articles?limit=20" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            if (cursor != null) {
                cursors.add(cursor);
            }
        } while (cursor != null && cursors.size() < pages);
        return cursors;
    }

    private static ConfigurableApplicationContext startService() {
        LocalPostgres postgres = LocalPostgres.shared();
        String database = "articles_bench_" + System.currentTimeMillis();
        postgres.createDatabase(database);
        LocalIssuer issuer = LocalIssuer.shared();
        Map<String, String> settings = Map.of(
                "server.port", "0",
                "management.server.port", "0",
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", LocalKafka.shared().bootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer(),
                "logging.level.root", "WARN");
        return new SpringApplicationBuilder(ArticleServiceApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static ArticleCopy copy(int i) {
        String body = "<p>" + "Despite increasing international pressure, the talks continued into the night. ".repeat(40) + "</p>";
        return new ArticleCopy("Benchmark story number " + i, "A standfirst that sums the story up in a sentence or two.",
                new DatelineCopy("Jerusalem", "Asia/Jerusalem"), List.of(new BylineCopy("Dana Reporter", null)),
                body.repeat(5), i % 2 == 0 ? "world" : "politics", List.of("bench", "tag-" + (i % 10)), null, true, null);
    }
}
