package io.newsroom.site.api;

/** What the API says about an article address. */
public sealed interface ArticleLookup {

    record Found(Api.ArticlePage page, String etag) implements ArticleLookup {
    }

    /** An old slug: the article now lives at {@code slug}. */
    record Moved(String slug) implements ArticleLookup {
    }

    record NotFound() implements ArticleLookup {
    }

    /** Unpublished: it existed and was withdrawn. */
    record Gone() implements ArticleLookup {
    }
}
