package io.newsroom.search.rebuild;

import io.newsroom.search.indexing.ArticleRevision;
import java.util.HashMap;
import java.util.Map;

/**
 * What the article topic says the index must hold: for every article, its latest version and
 * whether that version is published or a takedown. Built while replaying, so the check needs no
 * second pass over the topic.
 */
final class SourceOfTruth {

    /** The latest state of one article. */
    record Latest(long version, boolean published) {
    }

    private final Map<String, Latest> articles = new HashMap<>();

    synchronized void saw(ArticleRevision revision) {
        articles.merge(revision.articleId(),
                new Latest(revision.version(), revision.document().isPublished()),
                (held, seen) -> seen.version() > held.version() ? seen : held);
    }

    /** An event the index rejected: it cannot be expected there (it is reported as skipped instead). */
    synchronized void forget(ArticleRevision revision) {
        articles.computeIfPresent(revision.articleId(),
                (id, held) -> held.version() == revision.version() ? null : held);
    }

    synchronized Map<String, Latest> articles() {
        return articles;
    }

    long published() {
        return articles.values().stream().filter(Latest::published).count();
    }
}
