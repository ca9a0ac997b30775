package io.newsroom.events;

/** A moderator's decision; after it the comment is either shown or hidden. */
public enum ModerationDecision {
    /** A held comment is published. */
    APPROVED,
    /** A held comment is refused. */
    REJECTED,
    /** Refused as spam (kept apart so spam filters can learn from it). */
    SPAM,
    /** A visible comment is taken down. */
    REMOVED,
    /** A removed comment is shown again. */
    RESTORED;

    /** Whether the comment is visible to readers after this decision. */
    public boolean leavesVisible() {
        return this == APPROVED || this == RESTORED;
    }
}
