package io.newsroom.comment;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** The comments table: what posting and moderation share. Queues and threads have their own queries. */
@Repository
public class Comments {

    public static final String COLUMNS = """
            comment_id, article_id, parent_id, thread_id, depth, author_name, author_email, body,
            client_address, status, status_reason, report_count, reported, posted_at, moderated_at""";

    public static final RowMapper<Comment> ROW = Comments::map;

    private final JdbcClient jdbc;

    public Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Comment c) {
        jdbc.sql("""
                        insert into comments (comment_id, article_id, parent_id, thread_id, depth, author_name,
                            author_email, body, body_digest, client_address, status, status_reason, posted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.articleId(), c.parentId(), c.threadId(), c.depth(), c.authorName(),
                        c.authorEmail(), c.body(), digest(c.body()), c.clientAddress(), c.status().name(),
                        c.statusReason(), Timestamp.from(c.postedAt()))
                .update();
    }

    public Optional<Comment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from comments where comment_id = ?")
                .param(id).query(ROW).optional();
    }

    /** Locks the row so two moderators deciding at once are applied one after the other. */
    public Optional<Comment> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from comments where comment_id = ? for update")
                .param(id).query(ROW).optional();
    }

    public void changeStatus(UUID id, CommentStatus status, String reason, boolean clearReports, Instant at) {
        jdbc.sql("""
                        update comments set status = ?, status_reason = ?, moderated_at = ?,
                            reported = reported and not ?,
                            report_count = case when ? then 0 else report_count end
                        where comment_id = ?""")
                .params(status.name(), reason, Timestamp.from(at), clearReports, clearReports, id)
                .update();
    }

    /** How many comments came from this email since a moment, and when the oldest of them was posted. */
    public Window postedByEmailSince(String email, Instant since) {
        return window("author_email", email, since);
    }

    public Window postedFromAddressSince(String address, Instant since) {
        return window("client_address", address, since);
    }

    private Window window(String column, String value, Instant since) {
        return jdbc.sql("select count(*), min(posted_at) from comments where " + column + " = ? and posted_at > ?")
                .params(value, Timestamp.from(since))
                .query((rs, n) -> new Window(rs.getInt(1), instant(rs, 2)))
                .single();
    }

    public boolean isDuplicate(String email, String body, Instant since) {
        return jdbc.sql("select exists (select 1 from comments where author_email = ? and body_digest = ? and posted_at > ?)")
                .params(email, digest(body), Timestamp.from(since))
                .query(Boolean.class).single();
    }

    /** Whether this email ever had a comment shown: a first-time commenter has not. */
    public boolean hasVisibleFrom(String email) {
        return jdbc.sql("select exists (select 1 from comments where author_email = ? and status = 'VISIBLE')")
                .param(email).query(Boolean.class).single();
    }

    /** @param count comments in the window; {@code oldest} is null when there are none */
    public record Window(int count, Instant oldest) {
    }

    /** Whitespace and case do not make a different comment. */
    static String digest(String body) {
        String normalized = body.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Comment map(ResultSet rs, int row) throws SQLException {
        return new Comment(
                rs.getObject("comment_id", UUID.class),
                rs.getObject("article_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("thread_id", UUID.class),
                rs.getInt("depth"),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getString("body"),
                rs.getString("client_address"),
                CommentStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getInt("report_count"),
                rs.getBoolean("reported"),
                instant(rs, "posted_at"),
                instant(rs, "moderated_at"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
