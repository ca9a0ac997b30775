package io.newsroom.comment.counts;

import io.newsroom.comment.Comment;
import io.newsroom.events.CommentModerated;
import io.newsroom.events.CommentPosted;
import io.newsroom.events.CommentVisibility;
import io.newsroom.events.ModerationDecision;
import io.newsroom.outbox.Outbox;
import io.newsroom.outbox.OutboxEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Moves an article's approved-comment count and announces the change through the outbox, in the
 * caller's transaction. Updating the article row locks it, so this article's events get their
 * sequence numbers (and outbox ids) in commit order.
 */
@Component
public class CommentEvents {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public CommentEvents(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** A reader's comment was stored visible or held (spam is never announced). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tally posted(Comment comment) {
        CommentVisibility visibility = comment.isVisible() ? CommentVisibility.VISIBLE : CommentVisibility.HELD;
        Tally tally = advance(comment.articleId(), comment.isVisible() ? 1 : 0);
        // Deliberately no email: events leave the service.
        outbox.append(OutboxEvent.of(new CommentPosted(comment.id(), comment.articleId(), comment.parentId(),
                comment.authorName(), comment.body(), comment.postedAt(), visibility,
                tally.approvedCommentCount(), tally.sequence())));
        return tally;
    }

    /** @param countChange +1 when the comment became visible, -1 when it stopped being visible, else 0 */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tally moderated(UUID commentId, UUID articleId, ModerationDecision decision, int countChange, Instant at) {
        Tally tally = advance(articleId, countChange);
        outbox.append(OutboxEvent.of(new CommentModerated(commentId, articleId, decision, at,
                tally.approvedCommentCount(), tally.sequence())));
        return tally;
    }

    private Tally advance(UUID articleId, int countChange) {
        return jdbc.sql("""
                        update articles
                        set approved_comment_count = approved_comment_count + ?, comment_sequence = comment_sequence + 1
                        where article_id = ?
                        returning approved_comment_count, comment_sequence""")
                .params(countChange, articleId)
                .query((rs, n) -> new Tally(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}
