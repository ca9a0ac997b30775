package io.newsroom.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Comment counts live in their own small index, one document per article, written with external
 * versioning where the version is the comment events' per-article {@code sequence}. Elasticsearch
 * then keeps the count of the highest sequence seen, whatever order events arrive in, without
 * scripts (the local Elasticsearch has no painless) and without read-modify-write races.
 *
 * <p>Why not a field of the article document: that document is versioned by the article version,
 * and a second, independent version sequence cannot share it. Search results join the count in
 * with one multi-get per page. The counts also survive article index rebuilds, which replay only
 * the article topic (comment events are deleted after 14 days and could not be replayed).
 */
@Component
public class CommentCountIndex {

    private final ElasticsearchClient client;
    private final String index;
    private final int replicas;
    private volatile boolean setUp;

    public CommentCountIndex(ElasticsearchClient client, IndexProperties properties) {
        this.client = client;
        this.index = properties.commentCountsIndex();
        this.replicas = properties.replicas();
    }

    /** One article's count as of one comment event. */
    public record CommentCount(String articleId, long commentCount, long sequence) {
    }

    /** Creates the index on first start, or gives it the configured replica count. Called by {@link IndexSetup}. */
    void setUp() throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            IndexDefinition definition = IndexDefinition.load(IndexDefinition.COMMENT_COUNTS, "standard", replicas);
            client.indices().create(c -> c.index(index)
                    .settings(s -> s.withJson(new StringReader(definition.settingsJson())))
                    .mappings(m -> m.withJson(new StringReader(definition.mappingsJson()))));
        } else if (!Integer.toString(replicas).equals(ArticleIndex.replicasOf(client, index))) {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.numberOfReplicas(Integer.toString(replicas))));
        }
        setUp = true;
    }

    /**
     * Stores the counts; older sequences are refused by Elasticsearch and ignored here.
     *
     * @return the error of each count Elasticsearch rejected for another reason, by position
     */
    public Map<Integer, String> store(List<CommentCount> counts) {
        if (counts.isEmpty()) {
            return Map.of();
        }
        if (!setUp) { // a write before the set-up would create the index with guessed mappings
            throw ElasticsearchUnavailable.notSetUp("Comment counts");
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (CommentCount count : counts) {
            bulk.operations(op -> op.index(i -> i.index(index).id(count.articleId())
                    .version(count.sequence()).versionType(VersionType.External).document(count)));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            Map<Integer, String> rejected = new HashMap<>();
            for (int i = 0; i < response.items().size(); i++) {
                ErrorCause error = response.items().get(i).error();
                if (error != null && !"version_conflict_engine_exception".equals(error.type())) {
                    rejected.put(i, error.type() + ": " + error.reason());
                }
            }
            return rejected;
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Comment counts", e);
        }
    }

    /** Current counts of the given articles; articles without comments are absent (count 0). */
    public Map<String, Long> countsOf(List<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        try {
            // Not realtime: a realtime get of a just-written count forces a refresh of the count index on
            // every result page; a count up to one refresh interval (1 s) old is fine in a list.
            MgetResponse<CommentCount> response = client.mget(m -> m.index(index).ids(articleIds).realtime(false),
                    CommentCount.class);
            Map<String, Long> counts = new HashMap<>();
            response.docs().forEach(doc -> {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    counts.put(doc.result().id(), doc.result().source().commentCount());
                }
            });
            return counts;
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Comment counts", e);
        }
    }
}
