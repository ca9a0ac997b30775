package io.newsroom.search.querying;

import io.newsroom.search.index.ArticleDocument;
import java.util.List;

/**
 * One article in a result list (search, latest, related).
 *
 * @param id         the article's id (the same {@code id} article-service uses)
 * @param highlights matched words wrapped in {@code <mark>}, HTML-escaped; {@code null} outside text search
 */
public record ArticleHit(
        String id,
        String slug,
        String headline,
        String standfirst,
        String section,
        List<String> tags,
        List<String> authors,
        String dateline,
        String publishedAt,
        boolean mustRead,
        long commentCount,
        Highlights highlights) {

    /** Highlighted headline (whole) and up to two body snippets. */
    public record Highlights(String headline, List<String> body) {
    }

    static ArticleHit of(ArticleDocument doc, long commentCount, Highlights highlights) {
        return new ArticleHit(doc.articleId(), doc.slug(), doc.headline(), doc.standfirst(), doc.section(),
                doc.tags(), doc.authors(), doc.datelinePlace(), doc.publishedAt(),
                Boolean.TRUE.equals(doc.mustRead()), commentCount, highlights);
    }
}
