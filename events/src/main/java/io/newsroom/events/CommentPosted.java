package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code news.comment.posted.v1}: a reader left a reply. The commenter's email is never part of
 * any event: it stays in comment-service.
 *
 * @param parentId             the comment replied to, {@code null} for a top-level comment
 * @param body                 plain text, never HTML
 * @param approvedCommentCount the article's count of visible comments after this change
 * @param sequence             per-article sequence of comment events; a consumer keeps the count of
 *                             the highest sequence it has seen
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentPosted(
        UUID commentId,
        UUID articleId,
        UUID parentId,
        String authorName,
        String body,
        Instant postedAt,
        CommentVisibility visibility,
        long approvedCommentCount,
        long sequence) implements NewsEvent {

    public CommentPosted {
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(visibility, "visibility");
    }
}
