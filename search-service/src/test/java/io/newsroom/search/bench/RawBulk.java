package io.newsroom.search.bench;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.newsroom.events.ArticlePublished;
import io.newsroom.infra.LocalElasticsearch;
import io.newsroom.search.index.ArticleDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.databind.json.JsonMapper;

/** The raw Elasticsearch {@code _bulk} endpoint with pre-serialized NDJSON bodies: loading and the ceiling for (b). */
final class RawBulk implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rest5Client client;

    RawBulk() {
        var uri = LocalElasticsearch.shared().httpUri();
        this.client = Rest5Client.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort())).build();
    }

    /** One bulk body: index actions with external version, as the service's indexer writes them. */
    static byte[] ndjson(List<ArticlePublished> articles) {
        StringBuilder ndjson = new StringBuilder(articles.size() * 3_000);
        for (ArticlePublished article : articles) {
            ArticleDocument doc = ArticleDocument.published(article);
            ndjson.append("{\"index\":{\"_id\":\"").append(doc.articleId())
                    .append("\",\"version\":").append(doc.version()).append(",\"version_type\":\"external\"}}\n")
                    .append(JSON.writeValueAsString(doc)).append('\n');
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one bulk body; fails on any item error, so a benchmark never measures rejected documents. */
    void bulk(String index, byte[] body) throws Exception {
        Request request = new Request("POST", "/" + index + "/_bulk?filter_path=errors,items.*.error");
        request.setEntity(new ByteArrayEntity(body, ContentType.create("application/x-ndjson")));
        String response = EntityUtils.toString(client.performRequest(request).getEntity());
        if (response.contains("\"errors\":true")) {
            throw new IllegalStateException("bulk item errors: " + response.substring(0, Math.min(500, response.length())));
        }
    }

    /** Bulk-load settings: no refresh, no replicas (single node anyway). */
    void loadingMode(String index) throws Exception {
        send("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\",\"number_of_replicas\":0}}");
    }

    /** Back to the index's normal refresh, and one refresh now so everything is searchable. */
    void searchMode(String index) throws Exception {
        send("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
        send("POST", "/" + index + "/_refresh", null);
    }

    void send(String method, String path, String body) throws Exception {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        EntityUtils.consume(client.performRequest(request).getEntity());
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
