package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code news.comment.moderated.v1}: a moderator decided on a comment.
 *
 * @param approvedCommentCount the article's count of visible comments after this decision
 * @param sequence             per-article sequence of comment events, shared with {@link CommentPosted}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentModerated(
        UUID commentId,
        UUID articleId,
        ModerationDecision decision,
        Instant moderatedAt,
        long approvedCommentCount,
        long sequence) implements NewsEvent {

    public CommentModerated {
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(moderatedAt, "moderatedAt");
    }
}
