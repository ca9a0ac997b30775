package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** {@code news.article.published.v1}: an article went live (first publication or republication). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticlePublished(
        UUID articleId,
        long version,
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

    public ArticlePublished {
        Objects.requireNonNull(articleId, "articleId");
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
