package io.newsroom.article.editorial;

import java.util.Set;

/** Where an article is in the editorial workflow. Only PUBLISHED articles are public. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

    /** The statuses an article may move to from this one. */
    Set<ArticleStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SCHEDULED, PUBLISHED);
            case SCHEDULED -> Set.of(DRAFT, SCHEDULED, PUBLISHED);
            case PUBLISHED -> Set.of(UNPUBLISHED);
            case UNPUBLISHED -> Set.of(SCHEDULED, PUBLISHED);
        };
    }
}
