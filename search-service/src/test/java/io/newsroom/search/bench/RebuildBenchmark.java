package io.newsroom.search.bench;

import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.LocalKafka;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.rebuild.IndexRebuild;
import io.newsroom.search.rebuild.RebuildReport;
import io.newsroom.search.support.EventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (b): rebuild throughput (topic replay into a new index) next to the raw Elasticsearch bulk
 * API for the same documents on the same machine (pre-serialized NDJSON, same bulk size, same index
 * settings, refresh off), as a ratio. Args: [articles, default 20000].
 */
public final class RebuildBenchmark {

    /** The rebuild's bulk size (IndexRebuild), so both sides send the same requests. */
    private static final int BULK_DOCS = 2_000;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(11);
        Corpus corpus = BenchSupport.corpus();
        List<ArticlePublished> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(corpus.article(random, i));
        }
        try (ConfigurableApplicationContext service = BenchSupport.startService();
             EventPublisher publisher = new EventPublisher(LocalKafka.shared().bootstrapServers())) {
            for (ArticlePublished article : articles) {
                publisher.publishAsync(article, Instant.now());
            }
            publisher.close();
            // The live consumer indexes the same events; let it finish, so it does not compete with the rebuild.
            var indexedLive = service.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get(io.newsroom.search.freshness.PublishToSearchable.METRIC).timer();
            while (indexedLive.count() < count) {
                Thread.sleep(200);
            }
            IndexRebuild rebuild = service.getBean(IndexRebuild.class);
            System.out.println("REBUILD load average before: " + BenchSupport.loadAverage());
            RebuildReport warmUp = rebuild.rebuild();
            RebuildReport report = rebuild.rebuild();
            System.out.println("REBUILD report: " + report);

            // The ceiling is the raw bulk API at its best: one request at a time, or as many at once as the rebuild sends.
            double raw1 = rawBulk(service.getBean(ArticleIndex.class), articles, 1);
            double raw2 = rawBulk(service.getBean(ArticleIndex.class), articles, 2);
            double raw = Math.max(raw1, raw2);
            System.out.printf("REBUILD raw bulk: %.0f docs/s one request at a time, %.0f docs/s two at once%n", raw1, raw2);
            System.out.printf("REBUILD docs=%d rebuild=%.0f docs/s raw-bulk=%.0f docs/s ratio=%.2f check=%s (warm-up %.0f docs/s)%n",
                    report.eventsReplayed(), report.docsPerSecond(), raw, report.docsPerSecond() / raw,
                    report.check().matches(), warmUp.docsPerSecond());
            System.out.println("REBUILD load average after: " + BenchSupport.loadAverage());
        }
        System.exit(0);
    }

    /** The same documents, already serialized, straight to the _bulk endpoint: the ceiling for the rebuild. */
    private static double rawBulk(ArticleIndex index, List<ArticlePublished> articles, int concurrency) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < articles.size(); from += BULK_DOCS) {
            bodies.add(RawBulk.ndjson(articles.subList(from, Math.min(articles.size(), from + BULK_DOCS))));
        }
        try (RawBulk bulk = new RawBulk()) {
            String target = "raw-bulk-" + System.currentTimeMillis();
            index.create(target);
            bulk.loadingMode(target);
            long start = System.nanoTime();
            var senders = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (byte[] body : bodies) {
                sent.add(senders.submit(() -> {
                    bulk.bulk(target, body);
                    return null;
                }));
            }
            for (var request : sent) {
                request.get();
            }
            senders.shutdown();
            bulk.send("POST", "/" + target + "/_refresh", null);
            double seconds = (System.nanoTime() - start) / 1e9;
            index.delete(target);
            return articles.size() / seconds;
        }
    }
}
