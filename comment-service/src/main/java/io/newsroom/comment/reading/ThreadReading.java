package io.newsroom.comment.reading;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.comment.Comment;
import io.newsroom.comment.articles.Article;
import io.newsroom.comment.articles.ArticleGate;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds thread pages and counts for readers. Only visible comments, never an email. */
@Service
class ThreadReading {

    private final ArticleGate gate;
    private final Threads threads;

    ThreadReading(ArticleGate gate, Threads threads) {
        this.gate = gate;
        this.threads = threads;
    }

    // Repeatable read: the page and its replies come from one snapshot.
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    ThreadPage page(UUID articleId, boolean newestFirst, String cursor, int limit) {
        Article article = gate.requirePublished(articleId);
        List<Comment> roots = threads.topLevel(articleId, newestFirst, cursor == null ? null : KeysetCursor.decode(cursor), limit);
        boolean more = roots.size() > limit;
        if (more) {
            roots = roots.subList(0, limit);
        }
        Map<UUID, List<Comment>> replies = threads.repliesByParent(roots.stream().map(Comment::id).toList());
        List<PublicComment> comments = roots.stream().map(root -> withReplies(root, replies)).toList();
        Comment last = roots.isEmpty() ? null : roots.getLast();
        String next = more ? new KeysetCursor(last.postedAt(), last.id()).encode() : null;
        return new ThreadPage(comments, next, article.approvedCommentCount());
    }

    @Transactional(readOnly = true)
    PublicComment comment(UUID commentId) {
        return threads.visible(commentId).stream().findFirst().map(c -> PublicComment.of(c, List.of()))
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-comment", "Unknown comment",
                        "No visible comment " + commentId + "."));
    }

    /** Every requested id gets a count; unknown and unpublished articles count 0. */
    @Transactional(readOnly = true)
    Map<UUID, Long> counts(List<UUID> articleIds) {
        Map<UUID, Long> known = threads.counts(articleIds);
        Map<UUID, Long> counts = new LinkedHashMap<>();
        articleIds.forEach(id -> counts.put(id, known.getOrDefault(id, 0L)));
        return counts;
    }

    /** A reply whose parent is not visible is left out with it: a thread never shows orphans. */
    private static PublicComment withReplies(Comment comment, Map<UUID, List<Comment>> replies) {
        List<PublicComment> children = replies.getOrDefault(comment.id(), List.of()).stream()
                .map(reply -> withReplies(reply, replies)).toList();
        return PublicComment.of(comment, children);
    }
}
