package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.indexing.ArticleIndexer;
import io.newsroom.search.indexing.ArticleRevision;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (c): GET /search latency (relevance mode, highlighting, facets) on an index of generated
 * articles, measured over HTTP from one client. Args: [articles, default 100000] [queries, default 2000].
 */
public final class SearchLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        try (ConfigurableApplicationContext service = BenchSupport.startService()) {
            ArticleIndexer indexer = service.getBean(ArticleIndexer.class);
            String alias = service.getBean(ArticleIndex.class).alias();
            Random random = new Random(3);
            long loadStart = System.nanoTime();
            List<ArticleRevision> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ArticlePublished article = BenchSupport.article(random, i);
                batch.add(new ArticleRevision(ArticleDocument.published(article), Instant.now()));
                if (batch.size() == 2000 || i == count - 1) {
                    indexer.index(alias, batch, i == count - 1);
                    batch.clear();
                }
            }
            System.out.printf("SEARCH indexed %d articles in %.1f s%n", count, (System.nanoTime() - loadStart) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            int port = BenchSupport.port(service);
            for (int i = 0; i < 200; i++) {
                search(http, port, BenchSupport.words(random, 2));
            }
            List<Double> millis = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                String q = BenchSupport.words(random, 1 + random.nextInt(3));
                long t = System.nanoTime();
                int status = search(http, port, q);
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
        }
        System.exit(0);
    }

    private static int search(HttpClient http, int port, String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/search?size=10&q="
                + q.replace(' ', '+'))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
