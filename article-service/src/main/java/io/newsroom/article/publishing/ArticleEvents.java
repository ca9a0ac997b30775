package io.newsroom.article.publishing;

import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.PublicChanges;
import io.newsroom.events.ArticleChange;
import io.newsroom.events.ArticlePublished;
import io.newsroom.events.ArticleUnpublished;
import io.newsroom.events.ArticleUpdated;
import io.newsroom.outbox.Outbox;
import io.newsroom.outbox.OutboxEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Announces public changes: appends the {@code news.article.*.v1} event, carrying the article's
 * full public state and version, to the outbox in the caller's transaction. Drafts and scheduled
 * articles are never announced.
 */
@Component
public class ArticleEvents implements PublicChanges {

    private final Outbox outbox;
    private final JdbcClient jdbc;

    ArticleEvents(Outbox outbox, JdbcClient jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Override
    public void published(Article article) {
        requirePublic(article);
        outbox.append(OutboxEvent.of(new ArticlePublished(article.id(), article.version(), article.slug(),
                article.headline(), article.standfirst(), article.dateline(), article.byline(), article.body(),
                article.section(), article.tags(), article.heroImage(), article.commentsEnabled(), mustRead(article),
                article.publishedAt(), article.updatedAt(), article.corrections())));
    }

    @Override
    public void updated(Article article, ArticleChange change) {
        requirePublic(article);
        outbox.append(OutboxEvent.of(new ArticleUpdated(article.id(), article.version(), change, article.slug(),
                article.headline(), article.standfirst(), article.dateline(), article.byline(), article.body(),
                article.section(), article.tags(), article.heroImage(), article.commentsEnabled(), mustRead(article),
                article.publishedAt(), article.updatedAt(), article.corrections())));
    }

    @Override
    public void unpublished(Article article) {
        outbox.append(OutboxEvent.of(new ArticleUnpublished(article.id(), article.version(), article.slug(),
                article.unpublishReason(), article.unpublishedAt())));
    }

    private boolean mustRead(Article article) {
        return jdbc.sql("select exists (select 1 from must_read_pick where article_id = ? and expires_at > ?)")
                .params(article.id(), Timestamp.from(article.updatedAt())).query(Boolean.class).single();
    }

    private static void requirePublic(Article article) {
        if (!article.isPublic()) {
            throw new IllegalStateException("Article " + article.id() + " is " + article.status() + ", not public");
        }
    }
}
