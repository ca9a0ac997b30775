package io.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full public state of a published article, carried by {@link ArticlePublished} and
 * {@link ArticleUpdated} (event-carried state transfer). A consumer handles both the same way:
 * apply the state if its {@link #version()} is newer than the one it holds, else ignore it, so
 * duplicates and reordering are harmless.
 */
public sealed interface ArticleState extends NewsEvent permits ArticlePublished, ArticleUpdated {

    /** Increases with every change of the article; the only ordering a consumer should trust. */
    long version();

    String slug();

    String headline();

    String standfirst();

    Dateline dateline();

    List<Author> byline();

    /** Sanitized HTML, safe to render as is. */
    String body();

    String section();

    List<String> tags();

    /** {@code null} when the article has no hero image. */
    HeroImage heroImage();

    boolean commentsEnabled();

    boolean mustRead();

    Instant publishedAt();

    Instant updatedAt();

    /** Oldest first. */
    List<Correction> corrections();
}
