package io.newsroom.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;

/** Lets tests in other packages read an index's replica count the way the service does. */
public final class ArticleIndexTestAccess {

    private ArticleIndexTestAccess() {
    }

    public static String replicasOf(ElasticsearchClient client, String index) throws IOException {
        return ArticleIndex.replicasOf(client, index);
    }
}
