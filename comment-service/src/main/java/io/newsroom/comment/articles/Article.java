package io.newsroom.comment.articles;

import io.newsroom.comment.ModerationPolicy;

import java.util.UUID;

/**
 * What comment-service knows of an article, from its events plus the moderators' own settings.
 *
 * @param commentsEnabled   the editors' setting, carried by the article events
 * @param closedByModerator the moderators' switch; either one closes the thread
 * @param moderationPolicy  this article's policy, or {@code null} to follow the global one
 */
public record Article(
        UUID id,
        long version,
        String slug,
        boolean published,
        boolean commentsEnabled,
        boolean closedByModerator,
        ModerationPolicy moderationPolicy,
        long approvedCommentCount) {

    public boolean acceptsComments() {
        return published && commentsEnabled && !closedByModerator;
    }
}
