package io.newsroom.events;

/** Why an {@link ArticleUpdated} was published. */
public enum ArticleChange {
    /** Headline, standfirst, body, byline, tags or other copy changed. */
    EDIT,
    /** A correction was appended (see {@code corrections}). */
    CORRECTION,
    /** The article was picked for, or dropped from, Must Read. */
    MUST_READ,
    /** Comments were opened or closed. */
    COMMENTS_SETTING
}
