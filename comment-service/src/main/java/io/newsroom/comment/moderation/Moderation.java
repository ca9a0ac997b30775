package io.newsroom.comment.moderation;

import io.newsroom.comment.Comment;
import io.newsroom.comment.CommentStatus;
import io.newsroom.comment.Comments;
import io.newsroom.comment.ModerationPolicy;
import io.newsroom.comment.articles.ArticleGate;
import io.newsroom.comment.articles.Articles;
import io.newsroom.comment.counts.CommentEvents;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Moderators' decisions. Each one changes the comment, moves the article's count, appends the event
 * and writes the audit entry in one transaction.
 */
@Service
public class Moderation {

    private final Comments comments;
    private final Articles articles;
    private final ArticleGate gate;
    private final CommentEvents events;
    private final AuditTrail audit;
    private final BlockedEmails blockedEmails;
    private final Clock clock;

    Moderation(Comments comments, Articles articles, ArticleGate gate, CommentEvents events, AuditTrail audit,
               BlockedEmails blockedEmails, Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.gate = gate;
        this.events = events;
        this.audit = audit;
        this.blockedEmails = blockedEmails;
        this.clock = clock;
    }

    @Transactional
    public ModeratedComment decide(UUID commentId, ModerationAction action, String reason, String moderator) {
        requireReason(action, reason);
        Comment comment = comments.findForUpdate(commentId).orElseThrow(() -> unknownComment(commentId));
        if (!action.appliesTo(comment.status())) {
            throw Problems.of(HttpStatus.CONFLICT, "invalid-transition", "Not possible in this state",
                    "Cannot " + action.name().toLowerCase(Locale.ROOT) + " a comment that is "
                            + comment.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return apply(comment, action, reason, moderator);
    }

    /** All or nothing: if any comment is unknown or in the wrong state, none is changed. */
    @Transactional
    public List<ModeratedComment> decideAll(List<UUID> commentIds, ModerationAction action, String reason,
                                            String moderator) {
        requireReason(action, reason);
        // Lock in id order so two bulk actions over the same comments cannot deadlock.
        List<Comment> locked = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (UUID id : commentIds.stream().distinct().sorted().toList()) {
            comments.findForUpdate(id).ifPresentOrElse(c -> {
                if (action.appliesTo(c.status())) {
                    locked.add(c);
                } else {
                    errors.add(Map.of("commentId", id.toString(), "message", "is " + c.status().name().toLowerCase(Locale.ROOT)));
                }
            }, () -> errors.add(Map.of("commentId", id.toString(), "message", "no such comment")));
        }
        if (!errors.isEmpty()) {
            var problem = Problems.of(HttpStatus.CONFLICT, "invalid-transition", "Not possible in this state",
                    "No comment was changed: " + errors.size() + " cannot be " + action.name().toLowerCase(Locale.ROOT) + "d.");
            problem.getBody().setProperty("errors", errors);
            throw problem;
        }
        // Articles in a fixed order too: each decision row-locks its article.
        locked.sort(Comparator.comparing(Comment::articleId).thenComparing(Comment::id));
        return locked.stream().map(c -> apply(c, action, reason, moderator)).toList();
    }

    @Transactional
    public void setCommentsOpen(UUID articleId, boolean open, String reason, String moderator) {
        gate.requireKnown(articleId);
        articles.closeByModerator(articleId, !open);
        audit.record(new AuditTrail.Entry(moderator, open ? "OPEN_COMMENTS" : "CLOSE_COMMENTS", null, articleId,
                null, reason, now()));
    }

    /** @param policy {@code null} returns the article to the global policy */
    @Transactional
    public void setModerationPolicy(UUID articleId, ModerationPolicy policy, String moderator) {
        gate.requireKnown(articleId);
        articles.setModerationPolicy(articleId, policy);
        audit.record(new AuditTrail.Entry(moderator, "POLICY_" + (policy == null ? "DEFAULT" : policy.name()), null,
                articleId, null, null, now()));
    }

    @Transactional
    public void blockEmail(String email, String reason, String moderator) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        blockedEmails.block(normalized, reason, moderator, now());
        audit.record(new AuditTrail.Entry(moderator, "BLOCK_EMAIL", null, null, normalized, reason, now()));
    }

    @Transactional
    public void unblockEmail(String email, String moderator) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (!blockedEmails.unblock(normalized)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "email-not-blocked", "Not blocked", normalized + " is not blocked.");
        }
        audit.record(new AuditTrail.Entry(moderator, "UNBLOCK_EMAIL", null, null, normalized, null, now()));
    }

    @Transactional(readOnly = true)
    public ModeratedComment find(UUID commentId) {
        return comments.find(commentId).map(ModeratedComment::of).orElseThrow(() -> unknownComment(commentId));
    }

    @Transactional(readOnly = true)
    public List<AuditTrail.Entry> history(UUID commentId) {
        return audit.forComment(commentId);
    }

    private ModeratedComment apply(Comment comment, ModerationAction action, String reason, String moderator) {
        Instant now = now();
        CommentStatus target = action.target();
        int countChange = (target == CommentStatus.VISIBLE ? 1 : 0) - (comment.isVisible() ? 1 : 0);
        comments.changeStatus(comment.id(), target, reason, true, now);
        events.moderated(comment.id(), comment.articleId(), action.decision(), countChange, now);
        audit.record(new AuditTrail.Entry(moderator, action.name(), comment.id(), comment.articleId(), null, reason, now));
        return comments.find(comment.id()).map(ModeratedComment::of).orElseThrow();
    }

    private static void requireReason(ModerationAction action, String reason) {
        if (action.needsReason() && (reason == null || reason.isBlank())) {
            var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "A reason is required to " + action.name().toLowerCase(Locale.ROOT) + " a comment.");
            problem.getBody().setProperty("errors", List.of(Map.of("field", "reason", "message", "must not be blank")));
            throw problem;
        }
    }

    private static RuntimeException unknownComment(UUID id) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-comment", "Unknown comment", "No comment " + id + ".");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
