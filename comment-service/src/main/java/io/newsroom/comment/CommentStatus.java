package io.newsroom.comment;

/** Where a comment stands. Only {@link #VISIBLE} comments are ever shown to readers or counted. */
public enum CommentStatus {
    VISIBLE,
    /** Waiting for a moderator (pre-moderation or a rule held it). */
    HELD,
    /** Caught by an anti-bot check or a banned word, or marked so by a moderator. */
    SPAM,
    /** A held comment a moderator refused. */
    REJECTED,
    /** A visible comment a moderator took down. */
    REMOVED
}
