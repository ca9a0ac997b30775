package io.newsroom.search.querying;

import io.newsroom.edge.listing.Listing;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of search results with its facets: the {@link Listing} envelope ({@code items}, {@code nextCursor})
 * followed by what only a search has to say.
 *
 * @param nextCursor pass back as {@code cursor} for the next page; {@code null} on the last reachable page
 * @param total      all matching articles, not just this page
 */
public record SearchResults(List<ArticleHit> items, @Nullable String nextCursor, long total, Facets facets) {

    public SearchResults {
        items = List.copyOf(items);
    }

    /** Counts over all matching articles, for narrowing the search. */
    public record Facets(List<Bucket> sections, List<Bucket> tags, List<Bucket> authors, List<Bucket> publishedByMonth) {
    }

    /** @param value a section, tag or author; for dates the month's first day ({@code 2024-11-01}) */
    public record Bucket(String value, long count) {
    }
}
