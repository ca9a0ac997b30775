package io.newsroom.comment.moderation;

import io.newsroom.comment.ModerationPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Moderation settings ({@code newsroom.comments.moderation.*}, env {@code NEWSROOM_COMMENTS_MODERATION_*}).
 *
 * @param policy                  the global policy; an article may override it
 * @param holdFirstTimeCommenters hold comments from an email that never had a comment shown
 * @param bannedWords             a comment containing one is rejected as spam
 * @param suspectWords            a comment containing one is held
 * @param maxLinks                a comment with more links than this is held
 * @param reportThreshold         reader reports that put a comment in the reported queue
 */
@ConfigurationProperties("newsroom.comments.moderation")
public record ModerationProperties(
        @DefaultValue("POST") ModerationPolicy policy,
        @DefaultValue("false") boolean holdFirstTimeCommenters,
        @DefaultValue List<String> bannedWords,
        @DefaultValue List<String> suspectWords,
        @DefaultValue("2") int maxLinks,
        @DefaultValue("3") int reportThreshold) {
}
