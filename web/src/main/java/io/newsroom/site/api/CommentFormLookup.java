package io.newsroom.site.api;

/**
 * Whether a reader can write under an article right now. comment-service being down or slow must not take the
 * article down with it: the page is served without the form, saying so.
 */
public sealed interface CommentFormLookup {

    record Open(Api.CommentForm form) implements CommentFormLookup {
    }

    /** Closed on this article (or the article is unknown to comment-service). */
    record Closed() implements CommentFormLookup {
    }

    /** comment-service could not be asked (5xx, timeout, connection refused): try again later. */
    record Unavailable() implements CommentFormLookup {
    }
}
