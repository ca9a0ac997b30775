package io.newsroom.comment.moderation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** Emails whose comments go straight to spam (the sender is not told, so cannot simply switch address at once). */
@Repository
public class BlockedEmails {

    private final JdbcClient jdbc;

    BlockedEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isBlocked(String email) {
        return jdbc.sql("select exists (select 1 from blocked_emails where email = ?)")
                .param(email).query(Boolean.class).single();
    }

    void block(String email, String reason, String moderator, Instant at) {
        jdbc.sql("""
                        insert into blocked_emails (email, reason, blocked_by, blocked_at) values (?, ?, ?, ?)
                        on conflict (email) do update set reason = excluded.reason,
                            blocked_by = excluded.blocked_by, blocked_at = excluded.blocked_at""")
                .params(email, reason, moderator, Timestamp.from(at))
                .update();
    }

    boolean unblock(String email) {
        return jdbc.sql("delete from blocked_emails where email = ?").param(email).update() == 1;
    }
}
