package io.newsroom.comment.moderation;

import io.newsroom.comment.Comment;

import java.time.Instant;
import java.util.UUID;

/** A comment as moderators see it: with the author's email and address, which nobody else ever sees. */
public record ModeratedComment(
        UUID id,
        UUID articleId,
        UUID parentId,
        String authorName,
        String authorEmail,
        String clientAddress,
        String body,
        String status,
        String statusReason,
        int reportCount,
        Instant postedAt,
        Instant moderatedAt) {

    static ModeratedComment of(Comment c) {
        return new ModeratedComment(c.id(), c.articleId(), c.parentId(), c.authorName(), c.authorEmail(),
                c.clientAddress(), c.body(), c.status().name(), c.statusReason(), c.reportCount(), c.postedAt(),
                c.moderatedAt());
    }
}
