package io.newsroom.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.index.ElasticsearchUnavailable;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes article revisions with the bulk API and Elasticsearch <em>external</em> versioning: the
 * article's own version is the document version, so Elasticsearch itself refuses a duplicate or an
 * out-of-order older event (409), which is exactly the no-op we want, with no read before the write.
 */
@Component
public class ArticleIndexer {

    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient client;
    private final ArticleIndex articles;

    public ArticleIndexer(ElasticsearchClient client, ArticleIndex articles) {
        this.client = client;
        this.articles = articles;
    }

    /** A bulk request with its documents already serialized, so it can be sent from another thread; no request when empty. */
    public record PreparedBulk(String index, BulkRequest request, int size) {
    }

    /**
     * Writes revisions in one bulk request and waits for the answer.
     *
     * @param index the alias for live traffic, or a new concrete index during a rebuild
     * @return one outcome per revision, in order
     * @throws ElasticsearchUnavailable when Elasticsearch cannot be reached (nothing is known to be written)
     */
    public List<IndexOutcome> index(String index, List<ArticleRevision> revisions) {
        return revisions.isEmpty() ? List.of() : send(prepare(index, revisions));
    }

    /**
     * Builds the bulk request and serializes every document to JSON now, on the caller's thread: a
     * rebuild prepares the next request while the previous one is being indexed.
     */
    public PreparedBulk prepare(String index, List<ArticleRevision> revisions) {
        if (revisions.isEmpty()) {
            return new PreparedBulk(index, null, 0);
        }
        JsonpMapper json = client._jsonpMapper();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ArticleRevision revision : revisions) {
            BinaryData document = BinaryData.of(revision.document(), json);
            bulk.operations(op -> op.index(i -> i
                    .index(index)
                    .id(revision.articleId())
                    .version(revision.version())
                    .versionType(VersionType.External)
                    .document(document)));
        }
        return new PreparedBulk(index, bulk.build(), revisions.size());
    }

    /** @return one outcome per revision of the prepared request, in order */
    public List<IndexOutcome> send(PreparedBulk bulk) {
        if (bulk.size() == 0) {
            return List.of();
        }
        articles.requireSetUp("Bulk request to " + bulk.index());
        try {
            BulkResponse response = client.bulk(bulk.request());
            return response.items().stream().map(ArticleIndexer::outcome).toList();
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Bulk request to " + bulk.index(), e);
        } catch (ElasticsearchException e) {
            if (ElasticsearchUnavailable.isBusyOrFailing(e.status())) {
                // e.g. shards still recovering just after the node restarted: the batch is retried until they are up
                throw new TransientIndexingException("Bulk request to " + bulk.index() + " answered " + e.status() + ": " + e.getMessage());
            }
            throw e;
        }
    }

    private static IndexOutcome outcome(BulkResponseItem item) {
        ErrorCause error = item.error();
        if (error == null) {
            return IndexOutcome.APPLIED;
        }
        if (VERSION_CONFLICT.equals(error.type())) {
            return IndexOutcome.STALE;
        }
        if (ElasticsearchUnavailable.isBusyOrFailing(item.status())) {
            // Overloaded or failing cluster: worth retrying the batch, not a property of the event.
            throw new TransientIndexingException(error.type() + ": " + error.reason());
        }
        return IndexOutcome.rejected(error.type() + ": " + error.reason());
    }
}
