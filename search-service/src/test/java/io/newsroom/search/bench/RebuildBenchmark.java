package io.newsroom.search.bench;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.infra.LocalKafka;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.rebuild.IndexRebuild;
import io.newsroom.search.rebuild.RebuildReport;
import io.newsroom.search.support.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (b): rebuild throughput (topic replay into a new index) next to the raw Elasticsearch bulk
 * API for the same documents on the same machine (pre-serialized NDJSON, same bulk size, same index
 * settings, refresh off), as a ratio. Args: [articles, default 20000].
 */
public final class RebuildBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(11);
        List<ArticlePublished> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(BenchSupport.article(random, i));
        }
        try (ConfigurableApplicationContext service = BenchSupport.startService();
             EventPublisher publisher = new EventPublisher(LocalKafka.shared().bootstrapServers())) {
            for (ArticlePublished article : articles) {
                publisher.publishAsync(article, Instant.now());
            }
            publisher.close();
            IndexRebuild rebuild = service.getBean(IndexRebuild.class);
            RebuildReport warmUp = rebuild.rebuild();
            RebuildReport report = rebuild.rebuild();
            System.out.println("REBUILD report: " + report);

            double raw = rawBulk(service.getBean(ArticleIndex.class), articles);
            System.out.printf("REBUILD docs=%d rebuild=%.0f docs/s raw-bulk=%.0f docs/s ratio=%.2f check=%s (warm-up %.0f docs/s)%n",
                    report.eventsReplayed(), report.docsPerSecond(), raw, report.docsPerSecond() / raw,
                    report.check().matches(), warmUp.docsPerSecond());
        }
        System.exit(0);
    }

    /** The same documents, already serialized, straight to the _bulk endpoint: the ceiling for the rebuild. */
    private static double rawBulk(ArticleIndex index, List<ArticlePublished> articles) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < articles.size(); i++) {
            ArticleDocument doc = ArticleDocument.published(articles.get(i));
            ndjson.append("{\"index\":{\"_id\":\"").append(doc.articleId()).append("\",\"version\":1,\"version_type\":\"external\"}}\n")
                    .append(json.writeValueAsString(doc)).append('\n');
            if ((i + 1) % 2000 == 0 || i == articles.size() - 1) {
                bodies.add(ndjson.toString().getBytes(StandardCharsets.UTF_8));
                ndjson.setLength(0);
            }
        }
        var uri = LocalElasticsearch.shared().httpUri();
        try (Rest5Client client = Rest5Client.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort())).build()) {
            String target = "raw-bulk-" + System.currentTimeMillis();
            index.create(target);
            send(client, "PUT", "/" + target + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
            long start = System.nanoTime();
            for (byte[] body : bodies) {
                Request request = new Request("POST", "/" + target + "/_bulk");
                request.setEntity(new org.apache.hc.core5.http.io.entity.ByteArrayEntity(body,
                        org.apache.hc.core5.http.ContentType.create("application/x-ndjson")));
                Response response = client.performRequest(request);
                EntityUtils.consume(response.getEntity());
            }
            send(client, "POST", "/" + target + "/_refresh", null);
            double seconds = (System.nanoTime() - start) / 1e9;
            index.delete(target);
            return articles.size() / seconds;
        }
    }

    private static void send(Rest5Client client, String method, String path, String body) throws Exception {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        EntityUtils.consume(client.performRequest(request).getEntity());
    }
}
