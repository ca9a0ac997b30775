package io.newsroom.comment.articles;

import io.newsroom.comment.ModerationPolicy;
import io.newsroom.events.ArticleState;
import io.newsroom.events.ArticleUnpublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/**
 * The local record of articles. Event updates only apply when the event's version is newer than the
 * one held ({@code where articles.version < excluded.version}), so duplicates and reordering are harmless.
 */
@Repository
public class Articles {

    private final JdbcClient jdbc;

    public Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Article> find(UUID id) {
        return jdbc.sql("""
                        select article_id, version, slug, published, comments_enabled, closed_by_moderator,
                               moderation_policy, approved_comment_count
                        from articles where article_id = ?""")
                .param(id)
                .query((rs, n) -> new Article(
                        rs.getObject("article_id", UUID.class),
                        rs.getLong("version"),
                        rs.getString("slug"),
                        rs.getBoolean("published"),
                        rs.getBoolean("comments_enabled"),
                        rs.getBoolean("closed_by_moderator"),
                        rs.getString("moderation_policy") == null ? null
                                : ModerationPolicy.valueOf(rs.getString("moderation_policy")),
                        rs.getLong("approved_comment_count")))
                .optional();
    }

    /** @return whether the event was applied (false: an equal or newer version is already held) */
    public boolean apply(ArticleState state) {
        return jdbc.sql("""
                        insert into articles (article_id, version, slug, headline, published, comments_enabled)
                        values (?, ?, ?, ?, true, ?)
                        on conflict (article_id) do update
                            set version = excluded.version, slug = excluded.slug, headline = excluded.headline,
                                published = true, comments_enabled = excluded.comments_enabled
                            where articles.version < excluded.version""")
                .params(state.articleId(), state.version(), state.slug(), state.headline(), state.commentsEnabled())
                .update() == 1;
    }

    /** @return whether the event was applied (false: an equal or newer version is already held) */
    public boolean apply(ArticleUnpublished unpublished) {
        return jdbc.sql("""
                        insert into articles (article_id, version, slug, published, comments_enabled)
                        values (?, ?, ?, false, false)
                        on conflict (article_id) do update
                            set version = excluded.version, slug = excluded.slug, published = false
                            where articles.version < excluded.version""")
                .params(unpublished.articleId(), unpublished.version(), unpublished.slug())
                .update() == 1;
    }

    public boolean closeByModerator(UUID id, boolean closed) {
        return jdbc.sql("update articles set closed_by_moderator = ? where article_id = ?")
                .params(closed, id).update() == 1;
    }

    /** @param policy {@code null} returns the article to the global policy */
    public boolean setModerationPolicy(UUID id, ModerationPolicy policy) {
        return jdbc.sql("update articles set moderation_policy = ? where article_id = ?")
                .params(policy == null ? null : policy.name(), id).update() == 1;
    }
}
