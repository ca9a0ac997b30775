package io.newsroom.comment.moderation;

import io.newsroom.comment.Comments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    /** @param items one page; {@code total} counts the whole filtered queue */
    record Page(List<ModeratedComment> items, int page, int size, long total) {
    }

    Page page(ModerationQueue queue, UUID articleId, String email, int page, int size) {
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
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ModeratedComment> items = jdbc.sql("select " + Comments.COLUMNS + " from comments c where " + where
                        + " order by c.posted_at, c.comment_id limit ? offset ?")
                .params(pageParams).query(Comments.ROW).list()
                .stream().map(ModeratedComment::of).toList();
        return new Page(items, page, size, total);
    }
}
