package io.newsroom.comment.moderation;

import io.newsroom.comment.CommentStatus;
import io.newsroom.events.ModerationDecision;

import java.util.EnumSet;
import java.util.Set;

import static io.newsroom.comment.CommentStatus.HELD;
import static io.newsroom.comment.CommentStatus.REJECTED;
import static io.newsroom.comment.CommentStatus.REMOVED;
import static io.newsroom.comment.CommentStatus.SPAM;
import static io.newsroom.comment.CommentStatus.VISIBLE;

/**
 * A moderator's action on one comment: which statuses it applies to and where it leads. Approving a
 * visible comment is how a moderator dismisses its reports.
 */
public enum ModerationAction {
    APPROVE(VISIBLE, ModerationDecision.APPROVED, EnumSet.of(HELD, CommentStatus.SPAM, VISIBLE)),
    REJECT(REJECTED, ModerationDecision.REJECTED, EnumSet.of(HELD)),
    SPAM(CommentStatus.SPAM, ModerationDecision.SPAM, EnumSet.of(HELD, VISIBLE, REJECTED)),
    REMOVE(REMOVED, ModerationDecision.REMOVED, EnumSet.of(VISIBLE)),
    RESTORE(VISIBLE, ModerationDecision.RESTORED, EnumSet.of(REMOVED, REJECTED));

    private final CommentStatus target;
    private final ModerationDecision decision;
    private final Set<CommentStatus> appliesTo;

    ModerationAction(CommentStatus target, ModerationDecision decision, Set<CommentStatus> appliesTo) {
        this.target = target;
        this.decision = decision;
        this.appliesTo = appliesTo;
    }

    public boolean appliesTo(CommentStatus status) {
        return appliesTo.contains(status);
    }

    public CommentStatus target() {
        return target;
    }

    public ModerationDecision decision() {
        return decision;
    }

    /** Removing a visible comment must say why: the author or an editor may ask. */
    public boolean needsReason() {
        return this == REMOVE;
    }
}
