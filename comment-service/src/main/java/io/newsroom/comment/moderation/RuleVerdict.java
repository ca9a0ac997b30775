package io.newsroom.comment.moderation;

import io.newsroom.comment.CommentStatus;

/**
 * What the content rules decided for a new comment.
 *
 * @param status {@code VISIBLE}, {@code HELD} or {@code SPAM}
 * @param reason why it was held or refused (for moderators); {@code null} when visible
 */
public record RuleVerdict(CommentStatus status, String reason) {

    public static final RuleVerdict VISIBLE = new RuleVerdict(CommentStatus.VISIBLE, null);

    public static RuleVerdict held(String reason) {
        return new RuleVerdict(CommentStatus.HELD, reason);
    }

    public static RuleVerdict spam(String reason) {
        return new RuleVerdict(CommentStatus.SPAM, reason);
    }
}
