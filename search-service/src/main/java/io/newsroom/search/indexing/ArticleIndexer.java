package io.newsroom.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    public ArticleIndexer(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param index   the alias for live traffic, or a new concrete index during a rebuild
     * @param refresh {@code true} to make the batch searchable before returning (live traffic; see README)
     * @return one outcome per revision, in order
     * @throws UncheckedIOException when Elasticsearch cannot be reached (nothing is known to be written)
     */
    public List<IndexOutcome> index(String index, List<ArticleRevision> revisions, boolean refresh) {
        if (revisions.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh ? Refresh.True : Refresh.False);
        for (ArticleRevision revision : revisions) {
            bulk.operations(op -> op.index(i -> i
                    .index(index)
                    .id(revision.articleId())
                    .version(revision.version())
                    .versionType(VersionType.External)
                    .document(revision.document())));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            return response.items().stream().map(ArticleIndexer::outcome).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Bulk request to " + index + " failed", e);
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
        if (item.status() >= 500 || item.status() == 429) {
            // Overloaded or failing cluster: worth retrying the batch, not a property of the event.
            throw new TransientIndexingException(error.type() + ": " + error.reason());
        }
        return IndexOutcome.rejected(error.type() + ": " + error.reason());
    }
}
