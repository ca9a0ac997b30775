package io.newsroom.comment.moderation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who did what, written in the same transaction as the action so neither exists without the other. */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audited action; {@code commentId}, {@code articleId} and {@code email} are set as they apply. */
    public record Entry(String moderator, String action, UUID commentId, UUID articleId, String email,
                        String reason, Instant actedAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Entry e) {
        jdbc.sql("""
                        insert into moderation_audit (moderator, action, comment_id, article_id, email, reason, acted_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(e.moderator(), e.action(), e.commentId(), e.articleId(), e.email(), e.reason(),
                        Timestamp.from(e.actedAt()))
                .update();
    }

    List<Entry> forComment(UUID commentId) {
        return jdbc.sql("""
                        select moderator, action, comment_id, article_id, email, reason, acted_at
                        from moderation_audit where comment_id = ? order by audit_id""")
                .param(commentId)
                .query((rs, n) -> new Entry(rs.getString("moderator"), rs.getString("action"),
                        rs.getObject("comment_id", UUID.class), rs.getObject("article_id", UUID.class),
                        rs.getString("email"), rs.getString("reason"), rs.getTimestamp("acted_at").toInstant()))
                .list();
    }
}
