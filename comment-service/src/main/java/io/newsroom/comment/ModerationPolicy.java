package io.newsroom.comment;

/** Whether new comments show at once (unless a rule holds them) or all wait for a moderator. */
public enum ModerationPolicy {
    /** Post-moderation: visible at once unless a rule holds the comment. */
    POST,
    /** Pre-moderation: every comment is held. */
    PRE
}
