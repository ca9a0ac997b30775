package io.newsroom.events;

/** The {@code ce_source} of each producing service. */
public enum EventSource {
    ARTICLE_SERVICE("/newsroom/article-service"),
    COMMENT_SERVICE("/newsroom/comment-service");

    private final String uri;

    EventSource(String uri) {
        this.uri = uri;
    }

    /** The {@code ce_source} header value (a URI-reference, as CloudEvents requires). */
    public String uri() {
        return uri;
    }
}
