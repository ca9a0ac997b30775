package io.newsroom.edge.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one envelope of every list the public API returns (Latest News, search hits, related, suggestions,
 * a comment thread, moderation queues): the items, and the opaque cursor of the next page, {@code null} on
 * the last one. A client passes it back as the {@code cursor} query parameter; page size is {@code limit}.
 * Lists with more to say (search: total, facets) are records with these two fields first.
 */
public record Listing<T>(List<T> items, @Nullable String nextCursor) {

    public Listing {
        items = List.copyOf(items);
    }

    /** A complete list: no further page. */
    public static <T> Listing<T> of(List<T> items) {
        return new Listing<>(items, null);
    }
}
