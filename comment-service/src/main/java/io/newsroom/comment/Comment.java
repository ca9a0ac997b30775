package io.newsroom.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored comment. Carries the author's email, so it never leaves the service as is: public views
 * and events copy the fields they may show.
 *
 * @param threadId the top-level comment of the thread; equal to {@code id} for a top-level comment
 * @param depth    0 for a top-level comment, parent's depth + 1 for a reply
 */
public record Comment(
        UUID id,
        UUID articleId,
        UUID parentId,
        UUID threadId,
        int depth,
        String authorName,
        String authorEmail,
        String body,
        String clientAddress,
        CommentStatus status,
        String statusReason,
        int reportCount,
        boolean reported,
        Instant postedAt,
        Instant moderatedAt) {

    public boolean isVisible() {
        return status == CommentStatus.VISIBLE;
    }
}
