package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code news.article.updated.v1}: a published article changed. Carries the whole new state, plus
 * {@link #change()} saying why, so a consumer can react to corrections or Must Read picks specially.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleUpdated(
        UUID articleId,
        long version,
        ArticleChange change,
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
        boolean mustRead,
        Instant publishedAt,
        Instant updatedAt,
        List<Correction> corrections) implements ArticleState {

    public ArticleUpdated {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(standfirst, "standfirst");
        Objects.requireNonNull(dateline, "dateline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        byline = List.copyOf(byline);
        tags = List.copyOf(tags);
        corrections = List.copyOf(corrections);
    }
}
