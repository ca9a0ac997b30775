package io.newsroom.search.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.newsroom.events.ArticleState;
import io.newsroom.events.ArticleUnpublished;
import io.newsroom.events.Author;
import java.util.ArrayList;
import java.util.List;

/**
 * One article as the index holds it. An unpublished article stays as a tombstone (status
 * {@code unpublished}, no copy) carrying its version, so Elasticsearch's external versioning rejects
 * any older "updated" event that arrives late: taken down means taken down for good. Every query
 * filters tombstones out.
 *
 * @param publishedAt ISO-8601 instant, kept as text so the document reads back the same whatever JSON mapper
 * @param body        plain text of the body (tags stripped), what search and highlighting work on
 * @param suggest     completion inputs: the headline and the tags; {@code null} for tombstones
 */
public record ArticleDocument(
        String articleId,
        String status,
        long version,
        String slug,
        String headline,
        String standfirst,
        String body,
        String section,
        List<String> tags,
        List<String> authors,
        String datelinePlace,
        String publishedAt,
        Boolean mustRead,
        Suggest suggest) {

    public static final String PUBLISHED = "published";
    public static final String UNPUBLISHED = "unpublished";

    /** Completion suggester input. */
    public record Suggest(List<String> input) {
    }

    public static ArticleDocument published(ArticleState article) {
        List<String> suggestions = new ArrayList<>();
        suggestions.add(article.headline());
        suggestions.addAll(article.tags());
        return new ArticleDocument(
                article.articleId().toString(),
                PUBLISHED,
                article.version(),
                article.slug(),
                article.headline(),
                article.standfirst(),
                BodyText.plain(article.body()),
                article.section(),
                List.copyOf(article.tags()),
                article.byline().stream().map(Author::name).toList(),
                article.dateline().place(),
                article.publishedAt().toString(),
                article.mustRead(),
                new Suggest(List.copyOf(suggestions)));
    }

    public static ArticleDocument tombstone(ArticleUnpublished takedown) {
        return new ArticleDocument(takedown.articleId().toString(), UNPUBLISHED, takedown.version(),
                takedown.slug(), null, null, null, null, List.of(), List.of(), null, null, null, null);
    }

    @JsonIgnore
    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }
}
