package io.newsroom.search.indexing;

import io.newsroom.search.index.ArticleDocument;
import java.time.Instant;

/**
 * What one article event asks of the index: store this document at this version.
 *
 * @param eventTime the event's {@code ce_time}, when the change happened; freshness is measured from it
 */
public record ArticleRevision(ArticleDocument document, Instant eventTime) {

    public String articleId() {
        return document.articleId();
    }

    public long version() {
        return document.version();
    }
}
