package io.newsroom.comment.reading;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.comment.Comment;
import io.newsroom.comment.Comments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads visible threads: a keyset page of top-level comments, then their replies in one query. */
@Repository
class Threads {

    private final JdbcClient jdbc;

    Threads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Top-level comments after the cursor; one more than {@code limit} is fetched to know if a page follows. */
    List<Comment> topLevel(UUID articleId, boolean newestFirst, KeysetCursor after, int limit) {
        String direction = newestFirst ? "desc" : "asc";
        String keyset = after == null ? "" : newestFirst
                ? " and (posted_at, comment_id) < (:postedAt, :commentId)"
                : " and (posted_at, comment_id) > (:postedAt, :commentId)";
        var query = jdbc.sql("select " + Comments.COLUMNS + " from comments"
                        + " where article_id = :articleId and status = 'VISIBLE' and parent_id is null" + keyset
                        + " order by posted_at " + direction + ", comment_id " + direction + " limit :limit")
                .param("articleId", articleId)
                .param("limit", limit + 1);
        if (after != null) {
            query = query.param("postedAt", Timestamp.from(after.at())).param("commentId", after.id());
        }
        return query.query(Comments.ROW).list();
    }

    /** Visible replies in these threads, grouped by the comment they answer, oldest first. */
    Map<UUID, List<Comment>> repliesByParent(Collection<UUID> threadIds) {
        if (threadIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + Comments.COLUMNS + " from comments"
                        + " where thread_id in (:threadIds) and status = 'VISIBLE' and parent_id is not null"
                        + " order by posted_at, comment_id")
                .param("threadIds", threadIds)
                .query(Comments.ROW).list().stream()
                .collect(Collectors.groupingBy(Comment::parentId, Collectors.toCollection(ArrayList::new)));
    }

    List<Comment> visible(UUID commentId) {
        return jdbc.sql("select " + Comments.COLUMNS + " from comments where comment_id = ? and status = 'VISIBLE'")
                .param(commentId).query(Comments.ROW).list();
    }

    /** Visible-comment counts; articles not known here are absent. */
    Map<UUID, Long> counts(Collection<UUID> articleIds) {
        return jdbc.sql("select article_id, approved_comment_count from articles where article_id in (:ids) and published")
                .param("ids", articleIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
