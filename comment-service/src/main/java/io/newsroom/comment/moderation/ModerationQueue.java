package io.newsroom.comment.moderation;

/** The queues moderators work through. */
public enum ModerationQueue {
    /** Waiting for a first decision. */
    HELD("c.status = 'HELD'"),
    /** Visible, but readers reported it often enough. */
    REPORTED("c.status = 'VISIBLE' and c.reported"),
    /** Caught as spam; kept so false positives can be approved. */
    SPAM("c.status = 'SPAM'");

    final String condition;

    ModerationQueue(String condition) {
        this.condition = condition;
    }
}
