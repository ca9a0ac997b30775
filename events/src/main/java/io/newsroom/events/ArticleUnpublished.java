package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** {@code news.article.unpublished.v1}: the article was taken down; consumers drop it from public views. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleUnpublished(
        UUID articleId,
        long version,
        String slug,
        String reason,
        Instant unpublishedAt) implements NewsEvent {

    public ArticleUnpublished {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(unpublishedAt, "unpublishedAt");
    }
}
