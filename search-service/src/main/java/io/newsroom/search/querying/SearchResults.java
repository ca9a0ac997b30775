package io.newsroom.search.querying;

import java.util.List;

/**
 * A page of search results with its facets.
 *
 * @param total all matching articles, not just this page
 */
public record SearchResults(long total, int page, int size, List<ArticleHit> hits, Facets facets) {

    /** Counts over all matching articles, for narrowing the search. */
    public record Facets(List<Bucket> sections, List<Bucket> tags, List<Bucket> authors, List<Bucket> publishedByMonth) {
    }

    /** @param value a section, tag or author; for dates the month's first day ({@code 2024-11-01}) */
    public record Bucket(String value, long count) {
    }
}
