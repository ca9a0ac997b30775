package io.newsroom.comment.moderation;

import io.newsroom.comment.Comments;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Readers reporting a visible comment. One report per reader address counts; at the threshold the
 * comment joins the reported queue (it stays visible until a moderator decides).
 */
@Service
public class ReaderReports {

    private final Comments comments;
    private final JdbcClient jdbc;
    private final ModerationProperties properties;
    private final Clock clock;

    ReaderReports(Comments comments, JdbcClient jdbc, ModerationProperties properties, Clock clock) {
        this.comments = comments;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void report(UUID commentId, String reason, String reporterAddress) {
        comments.find(commentId).filter(c -> c.isVisible()).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
                "unknown-comment", "Unknown comment", "No visible comment " + commentId + "."));
        int added = jdbc.sql("""
                        insert into comment_reports (comment_id, reporter_address, reason, reported_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(commentId, reporterAddress, reason.strip(), Timestamp.from(clock.instant()))
                .update();
        if (added == 1) {
            jdbc.sql("""
                            update comments set report_count = report_count + 1,
                                reported = reported or report_count + 1 >= ?
                            where comment_id = ?""")
                    .params(properties.reportThreshold(), commentId)
                    .update();
        }
    }
}
