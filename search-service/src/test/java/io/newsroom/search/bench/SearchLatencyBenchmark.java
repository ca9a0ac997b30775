package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.search.index.ArticleIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (c): GET /search latency (relevance mode, highlighting, facets) on an index of generated
 * articles, measured over HTTP from one client after a warm-up. The articles are loaded with the raw
 * bulk API (loading is not what is measured). Args: [articles, default 100000] [queries, default 2000].
 */
public final class SearchLatencyBenchmark {

    /** Documents per bulk request while loading: large, since nothing reads the index yet. */
    private static final int BULK_DOCS = 5_000;
    private static final int WARM_UP_QUERIES = 200;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        System.out.println("SEARCH load average at start: " + BenchSupport.loadAverage());
        try (ConfigurableApplicationContext service = BenchSupport.startService(); RawBulk bulk = new RawBulk()) {
            String index = service.getBean(ArticleIndex.class).currentIndex().orElseThrow();
            Random random = new Random(3);
            Corpus corpus = BenchSupport.corpus();
            long loadStart = System.nanoTime();
            bulk.loadingMode(index);
            // Generate and serialize the next bulk body while the previous one is being indexed.
            BlockingQueue<byte[]> bodies = new ArrayBlockingQueue<>(2);
            Thread generator = Thread.ofPlatform().start(() -> {
                try {
                    for (int from = 0; from < count; from += BULK_DOCS) {
                        List<ArticlePublished> batch = new ArrayList<>(BULK_DOCS);
                        for (int i = from; i < Math.min(count, from + BULK_DOCS); i++) {
                            batch.add(corpus.article(random, i));
                        }
                        bodies.put(RawBulk.ndjson(batch));
                    }
                    bodies.put(new byte[0]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (byte[] body = bodies.take(); body.length > 0; body = bodies.take()) {
                bulk.bulk(index, body);
            }
            generator.join();
            bulk.searchMode(index);
            System.out.printf("SEARCH loaded %d articles in %.1f s (raw _bulk, %d docs per request, refresh off, "
                    + "0 replicas)%n", count, (System.nanoTime() - loadStart) / 1e9, BULK_DOCS);

            HttpTestClient http = HttpTestClient.loopback(BenchSupport.port(service));
            for (int i = 0; i < WARM_UP_QUERIES; i++) {
                search(http, corpus.query(random));
            }
            System.out.println("SEARCH load average before measuring: " + BenchSupport.loadAverage());
            List<Double> millis = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                String q = corpus.query(random);
                long t = System.nanoTime();
                int status = search(http, q);
                millis.add((System.nanoTime() - t) / 1e6);
                if (status != 200) {
                    throw new IllegalStateException("search failed: " + status);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] sorted = BenchSupport.sorted(millis);
            System.out.printf("SEARCH docs=%d queries=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms throughput=%.0f req/s (1 client)%n",
                    count, queries, BenchSupport.percentile(sorted, 50), BenchSupport.percentile(sorted, 95),
                    BenchSupport.percentile(sorted, 99), queries / seconds);
            System.out.println("SEARCH load average at end: " + BenchSupport.loadAverage());
        }
        System.exit(0);
    }

    private static int search(HttpTestClient http, String q) {
        return http.get("/search?limit=10&q=" + q.replace(' ', '+')).status();
    }
}
