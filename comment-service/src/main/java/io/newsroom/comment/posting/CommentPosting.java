package io.newsroom.comment.posting;

import io.newsroom.comment.Comment;
import io.newsroom.comment.CommentStatus;
import io.newsroom.comment.Comments;
import io.newsroom.comment.articles.Article;
import io.newsroom.comment.articles.ArticleGate;
import io.newsroom.comment.counts.CommentEvents;
import io.newsroom.comment.moderation.BlockedEmails;
import io.newsroom.comment.moderation.ModerationRules;
import io.newsroom.comment.moderation.RuleVerdict;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Takes a reader's comment through the checks in order: the article must be open, the parent fit,
 * then flood, duplicate, anti-bot, blocked-email and content rules. Refusals that a real reader
 * should understand are 4xx problems; what only a bot triggers is quietly stored as spam.
 */
@Service
public class CommentPosting {

    private final ArticleGate gate;
    private final Comments comments;
    private final FloodGuard flood;
    private final FormTokens formTokens;
    private final BlockedEmails blockedEmails;
    private final ModerationRules rules;
    private final CommentEvents events;
    private final PostingProperties properties;
    private final Clock clock;

    CommentPosting(ArticleGate gate, Comments comments, FloodGuard flood, FormTokens formTokens,
                   BlockedEmails blockedEmails, ModerationRules rules, CommentEvents events,
                   PostingProperties properties, Clock clock) {
        this.gate = gate;
        this.comments = comments;
        this.flood = flood;
        this.formTokens = formTokens;
        this.blockedEmails = blockedEmails;
        this.rules = rules;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The outcome of a post that passed the 4xx checks. */
    public sealed interface Outcome {
        UUID commentId();
    }

    /** Stored visible, held, or (for bots) as spam behind a held-looking answer. */
    public record Accepted(UUID commentId, boolean visible) implements Outcome {
    }

    /** Stored as spam for a banned word; the reader is told the comment was refused. */
    public record Refused(UUID commentId, String reason) implements Outcome {
    }

    public CommentForm form(UUID articleId) {
        gate.requireOpen(articleId);
        return new CommentForm(formTokens.issue(articleId, clock.instant()), "website",
                properties.antiBot().minFillTime().toMillis());
    }

    @Transactional
    public Outcome post(UUID articleId, NewComment form, String clientAddress) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Article article = gate.requireOpen(articleId);
        Comment parent = form.parentId() == null ? null : requireParent(article, form.parentId());
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        String body = normalizeBody(form.body());

        flood.check(email, clientAddress, now);
        if (comments.isDuplicate(email, body, now.minus(properties.duplicateWindow()))) {
            throw Problems.of(HttpStatus.CONFLICT, "duplicate-comment", "Duplicate comment",
                    "You already posted this comment.");
        }
        RuleVerdict verdict = antiBot(form, articleId, email, now);
        if (verdict == null) {
            verdict = rules.assess(body, article, !comments.hasVisibleFrom(email));
        }

        UUID id = UUID.randomUUID();
        Comment comment = new Comment(id, articleId, form.parentId(), parent == null ? id : parent.threadId(),
                parent == null ? 0 : parent.depth() + 1, form.authorName().strip(), email, body, clientAddress,
                verdict.status(), verdict.reason(), 0, false, now, null);
        comments.insert(comment);
        if (verdict.status() != CommentStatus.SPAM) {
            events.posted(comment);
            return new Accepted(id, comment.isVisible());
        }
        return verdict.reason().startsWith("banned word") ? new Refused(id, verdict.reason()) : new Accepted(id, false);
    }

    /** Spam by the anti-bot and block checks, or {@code null} when the comment goes on to the content rules. */
    private RuleVerdict antiBot(NewComment form, UUID articleId, String email, Instant now) {
        if (form.website() != null && !form.website().isEmpty()) {
            return RuleVerdict.spam("honeypot filled");
        }
        switch (formTokens.check(form.formToken(), articleId, now)) {
            case FORGED -> {
                return RuleVerdict.spam("forged form token");
            }
            case TOO_FAST -> {
                return RuleVerdict.spam("submitted too fast");
            }
            case EXPIRED -> throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "form-expired", "Form expired",
                    "The comment form has expired; reload the page and post again.");
            case VALID -> {
            }
        }
        return blockedEmails.isBlocked(email) ? RuleVerdict.spam("blocked email") : null;
    }

    private Comment requireParent(Article article, UUID parentId) {
        Comment parent = comments.find(parentId)
                .filter(p -> p.articleId().equals(article.id()) && p.isVisible())
                .orElseThrow(() -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-parent", "Invalid reply",
                        "Comment " + parentId + " is not a visible comment on this article."));
        if (parent.depth() + 1 > properties.maxReplyDepth()) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "reply-too-deep", "Reply too deep",
                    "Replies nest at most " + properties.maxReplyDepth() + " levels deep.");
        }
        return parent;
    }

    /** One line-break convention and no trailing blanks; the text is otherwise kept as typed. */
    private static String normalizeBody(String body) {
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
