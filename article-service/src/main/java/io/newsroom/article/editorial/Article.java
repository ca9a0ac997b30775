package io.newsroom.article.editorial;

import io.newsroom.events.Author;
import io.newsroom.events.Correction;
import io.newsroom.events.Dateline;
import io.newsroom.events.HeroImage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An article and its place in the workflow. Immutable: every change returns the next state with
 * {@link #version()} one higher, which is what optimistic concurrency, ETags and event ordering use.
 */
public record Article(
        UUID id,
        String slug,
        String headline,
        String standfirst,
        Dateline dateline,
        List<Author> byline,
        String body,
        String section,
        List<String> tags,
        HeroImage heroImage,
        boolean commentsEnabled,
        ArticleStatus status,
        Instant scheduledFor,
        Instant createdAt,
        Instant publishedAt,
        Instant updatedAt,
        Instant unpublishedAt,
        String unpublishReason,
        List<Correction> corrections,
        long version) {

    public Article {
        byline = List.copyOf(byline);
        tags = List.copyOf(tags);
        corrections = List.copyOf(corrections);
    }

    static Article draft(UUID id, String slug, ArticleCopy copy, Instant now) {
        return new Article(id, slug, copy.headline(), copy.standfirstOrEmpty(), copy.dateline().toDateline(),
                copy.authors(), copy.bodyOrEmpty(), copy.section(), copy.tagsOrEmpty(), copy.hero(),
                copy.commentsEnabledOrDefault(), ArticleStatus.DRAFT, null, now, null, now, null, null,
                List.of(), 1);
    }

    public boolean isPublic() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** New copy; {@code body} must already be sanitized. The status does not change. */
    Article revise(ArticleCopy copy, String newSlug, String sanitizedBody, Instant now) {
        return new Article(id, newSlug, copy.headline(), copy.standfirstOrEmpty(), copy.dateline().toDateline(),
                copy.authors(), sanitizedBody, copy.section(), copy.tagsOrEmpty(), copy.hero(),
                copy.commentsEnabledOrDefault(), status, scheduledFor, createdAt, publishedAt, now,
                unpublishedAt, unpublishReason, corrections, version + 1);
    }

    Article schedule(Instant publishAt, Instant now) {
        requireTransition(ArticleStatus.SCHEDULED);
        return new Article(id, slug, headline, standfirst, dateline, byline, body, section, tags, heroImage,
                commentsEnabled, ArticleStatus.SCHEDULED, publishAt, createdAt, publishedAt, now, unpublishedAt,
                unpublishReason, corrections, version + 1);
    }

    /** Back to draft: the schedule is cancelled. */
    Article unschedule(Instant now) {
        if (status != ArticleStatus.SCHEDULED) {
            throw new IllegalTransitionException(this, ArticleStatus.DRAFT);
        }
        return new Article(id, slug, headline, standfirst, dateline, byline, body, section, tags, heroImage,
                commentsEnabled, ArticleStatus.DRAFT, null, createdAt, publishedAt, now, unpublishedAt,
                unpublishReason, corrections, version + 1);
    }

    /**
     * Goes live. The first publication fixes {@code publishedAt}; a republication keeps it, so an
     * article taken down by mistake returns to its place in Latest News.
     */
    Article publish(Instant publishedAt, Instant now) {
        requireTransition(ArticleStatus.PUBLISHED);
        Instant firstPublished = this.publishedAt != null ? this.publishedAt : publishedAt;
        return new Article(id, slug, headline, standfirst, dateline, byline, body, section, tags, heroImage,
                commentsEnabled, ArticleStatus.PUBLISHED, null, createdAt, firstPublished, now, null, null,
                corrections, version + 1);
    }

    Article unpublish(String reason, Instant now) {
        requireTransition(ArticleStatus.UNPUBLISHED);
        return new Article(id, slug, headline, standfirst, dateline, byline, body, section, tags, heroImage,
                commentsEnabled, ArticleStatus.UNPUBLISHED, null, createdAt, publishedAt, now, now, reason,
                corrections, version + 1);
    }

    /** Corrections are public notices, so only a published article takes one. */
    Article correct(String text, Instant now) {
        if (status != ArticleStatus.PUBLISHED) {
            throw new IllegalTransitionException("Only a published article can be corrected; this one is " + status);
        }
        var all = new ArrayList<>(corrections);
        all.add(new Correction(now, text));
        return new Article(id, slug, headline, standfirst, dateline, byline, body, section, tags, heroImage,
                commentsEnabled, status, scheduledFor, createdAt, publishedAt, now, unpublishedAt, unpublishReason,
                all, version + 1);
    }

    /** A change that only bumps the version (e.g. a Must Read pick, which is part of the public state). */
    Article touch(Instant now) {
        return new Article(id, slug, headline, standfirst, dateline, byline, body, section, tags, heroImage,
                commentsEnabled, status, scheduledFor, createdAt, publishedAt, now, unpublishedAt, unpublishReason,
                corrections, version + 1);
    }

    private void requireTransition(ArticleStatus target) {
        if (!status.next().contains(target)) {
            throw new IllegalTransitionException(this, target);
        }
    }
}
