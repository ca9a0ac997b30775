package io.newsroom.article.editorial;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.article.InvalidFieldException;
import io.newsroom.events.ArticleChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The editorial workflow. Each method is one transaction: the article row, its slug, the revision
 * (audit) and the outbox event are written together or not at all. Changes to an existing article
 * lock its row and check the version the editor saw, so concurrent edits queue up and the loser
 * gets a {@link StaleVersionException}.
 */
@Service
@Transactional
public class Editorial {

    /** The audit identity of changes no editor made by hand. */
    public static final String SCHEDULER = "scheduler";

    private final Articles articles;
    private final ArticleSlugs slugs;
    private final Revisions revisions;
    private final PublicChanges events;
    private final BodySanitizer sanitizer;
    private final Clock clock;

    Editorial(Articles articles, ArticleSlugs slugs, Revisions revisions, PublicChanges events, BodySanitizer sanitizer,
              Clock clock) {
        this.articles = articles;
        this.slugs = slugs;
        this.revisions = revisions;
        this.events = events;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    public Article createDraft(ArticleCopy copy, String editor) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String slug = slugs.claim(id, copy.slug() != null ? copy.slug() : Slugs.of(copy.headline()), copy.slug() != null, now);
        Article draft = Article.draft(id, slug, copy.withBody(sanitizer.sanitize(copy.body())), now);
        articles.insert(draft);
        revisions.record(draft, "CREATED", editor, null);
        return draft;
    }

    public Article update(UUID id, long seenVersion, ArticleCopy copy, String editor) {
        Article current = current(id, seenVersion);
        Instant now = clock.instant();
        Article next = current.revise(copy, slugFor(current, copy, now), sanitizer.sanitize(copy.body()), now);
        save(next, "EDITED", editor, null);
        if (next.isPublic()) {
            events.updated(next, ArticleChange.EDIT);
        }
        return next;
    }

    /** How far ahead an article may be scheduled (and a Must Read pick may run). */
    public static final int MAX_YEARS_AHEAD = 10;

    public Article schedule(UUID id, long seenVersion, Instant publishAt, String editor) {
        requireWithinReach("publishAt", publishAt, clock.instant());
        Article next = current(id, seenVersion).schedule(publishAt, clock.instant());
        save(next, "SCHEDULED", editor, "for " + publishAt);
        return next;
    }

    public Article unschedule(UUID id, long seenVersion, String editor) {
        Article next = current(id, seenVersion).unschedule(clock.instant());
        save(next, "UNSCHEDULED", editor, null);
        return next;
    }

    public Article publish(UUID id, long seenVersion, String editor) {
        Instant now = clock.instant();
        return publish(current(id, seenVersion), now, now, editor);
    }

    /**
     * Publishes scheduled articles whose time has come. The due rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}: with several replicas each row is published by exactly one.
     */
    public List<Article> publishDue(int limit) {
        Instant now = clock.instant();
        return articles.lockDue(now, limit).stream()
                .map(id -> publish(articles.lock(id), now, now, SCHEDULER))
                .toList();
    }

    /** Publishes new copy straight away with a given publication time: imports of already published news. */
    public Article importPublished(ArticleCopy copy, Instant publishedAt, String editor) {
        Article draft = createDraft(copy, editor);
        return publish(draft, publishedAt, clock.instant(), editor);
    }

    public Article unpublish(UUID id, long seenVersion, String reason, String editor) {
        Article next = current(id, seenVersion).unpublish(reason, clock.instant());
        save(next, "UNPUBLISHED", editor, reason);
        events.unpublished(next);
        return next;
    }

    public Article correct(UUID id, long seenVersion, String text, String editor) {
        Article next = current(id, seenVersion).correct(text, clock.instant());
        save(next, "CORRECTED", editor, text);
        events.updated(next, ArticleChange.CORRECTION);
        return next;
    }

    /** A Must Read pick or drop: part of the public state, so a new version and, when public, an event. */
    public void mustReadChanged(UUID id, boolean picked, String editor) {
        Article next = articles.lock(id).touch(clock.instant());
        save(next, picked ? "MUST_READ_PICKED" : "MUST_READ_DROPPED", editor, null);
        if (next.isPublic()) {
            events.updated(next, ArticleChange.MUST_READ);
        }
    }

    @Transactional(readOnly = true)
    public Article get(UUID id) {
        return articles.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public List<Article> list(ArticleStatus status, KeysetCursor after, int limit) {
        return articles.withStatus(status, after, limit);
    }

    private Article publish(Article article, Instant publishedAt, Instant now, String editor) {
        Article next = article.publish(publishedAt, now);
        save(next, "PUBLISHED", editor, null);
        if (article.publishedAt() == null) {
            // First publication: the slug is now public for good; earlier draft slugs were never seen.
            slugs.releaseAllBut(next.id(), next.slug());
        }
        events.published(next);
        return next;
    }

    private Article current(UUID id, long seenVersion) {
        Article article = articles.lock(id);
        if (article.version() != seenVersion) {
            throw new StaleVersionException(seenVersion, article.version());
        }
        return article;
    }

    /**
     * Until first publication the slug follows the headline; after it, it changes only when the
     * editor asks for a new one, and the old one keeps redirecting.
     */
    private String slugFor(Article current, ArticleCopy copy, Instant now) {
        if (copy.slug() != null) {
            return copy.slug().equals(current.slug()) ? current.slug() : slugs.claim(current.id(), copy.slug(), true, now);
        }
        if (current.publishedAt() != null || current.headline().equals(copy.headline())) {
            return current.slug();
        }
        String slug = slugs.claim(current.id(), Slugs.of(copy.headline()), false, now);
        slugs.releaseAllBut(current.id(), slug);
        return slug;
    }

    private void save(Article next, String action, String editor, String note) {
        articles.update(next);
        revisions.record(next, action, editor, note);
    }

    /**
     * A time at most {@link #MAX_YEARS_AHEAD} years from {@code now}: a typo such as year 20260 is a 400,
     * and nothing beyond what PostgreSQL stores reaches the database.
     */
    public static void requireWithinReach(String field, Instant at, Instant now) {
        if (at.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant())) {
            throw new InvalidFieldException(field, "must be at most " + MAX_YEARS_AHEAD + " years ahead");
        }
    }
}
