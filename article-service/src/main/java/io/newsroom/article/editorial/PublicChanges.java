package io.newsroom.article.editorial;

import io.newsroom.events.ArticleChange;

/**
 * What the editorial workflow announces when the public sees a change, in the caller's transaction.
 * Implemented by {@code publishing} (the outbox events), so that publishing depends on editorial and not
 * the other way round.
 */
public interface PublicChanges {

    void published(Article article);

    void updated(Article article, ArticleChange change);

    void unpublished(Article article);
}
