package io.newsroom.comment.posting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Posting settings ({@code newsroom.comments.posting.*}, env {@code NEWSROOM_COMMENTS_POSTING_*}).
 *
 * @param maxReplyDepth   how deep replies nest: 0 = no replies, 1 = replies to top-level comments only
 * @param duplicateWindow the same email and body again within this window is refused (409)
 */
@ConfigurationProperties("newsroom.comments.posting")
public record PostingProperties(
        @DefaultValue("3") int maxReplyDepth,
        @DefaultValue("10m") Duration duplicateWindow,
        @DefaultValue Flood flood,
        @DefaultValue AntiBot antiBot) {

    /** Comments allowed per minute; one more gets 429 with {@code Retry-After}. */
    public record Flood(
            @DefaultValue("5") int perEmailPerMinute,
            @DefaultValue("20") int perAddressPerMinute) {
    }

    /**
     * @param tokenSecret  HMAC key for form tokens; set the same value on every replica. Blank: a random
     *                     key per process (tokens then only work against the replica that issued them)
     * @param minFillTime  a submit sooner than this after the token was issued is taken for a bot
     * @param maxTokenAge  an older token asks the reader to reload the form
     */
    public record AntiBot(
            @DefaultValue("") String tokenSecret,
            @DefaultValue("3s") Duration minFillTime,
            @DefaultValue("24h") Duration maxTokenAge) {
    }
}
