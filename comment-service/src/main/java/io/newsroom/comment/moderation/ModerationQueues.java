package io.newsroom.comment.moderation;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.comment.Comments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Queue pages for moderators, oldest first so nothing waits forever. */
@Repository
class ModerationQueues {

    private final JdbcClient jdbc;

    ModerationQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The list envelope ({@code items}, {@code nextCursor}) plus the size of the whole filtered queue.
     *
     * @param items      one page, oldest first
     * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
     * @param total      comments in the whole filtered queue
     */
    record Page(List<ModeratedComment> items, String nextCursor, long total) {
    }

    Page page(ModerationQueue queue, UUID articleId, String email, KeysetCursor after, int limit) {
        StringBuilder where = new StringBuilder(queue.condition);
        List<Object> params = new ArrayList<>();
        if (articleId != null) {
            where.append(" and c.article_id = ?");
            params.add(articleId);
        }
        if (email != null && !email.isBlank()) {
            where.append(" and c.author_email = ?");
            params.add(email.strip().toLowerCase(Locale.ROOT));
        }
        long total = jdbc.sql("select count(*) from comments c where " + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (after != null) {
            keyset = " and (c.posted_at, c.comment_id) > (?, ?)";
            pageParams.add(Timestamp.from(after.at()));
            pageParams.add(after.id());
        }
        pageParams.add(limit + 1);
        List<ModeratedComment> items = jdbc.sql("select " + Comments.COLUMNS + " from comments c where " + where + keyset
                        + " order by c.posted_at, c.comment_id limit ?")
                .params(pageParams).query(Comments.ROW).list()
                .stream().map(ModeratedComment::of).toList();
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            ModeratedComment last = items.getLast();
            next = new KeysetCursor(last.postedAt(), last.id()).encode();
        }
        return new Page(items, next, total);
    }
}
