package io.newsroom.comment.posting;

import java.util.UUID;

/**
 * The answer to a post. Comments caught as spam by the anti-bot checks get an ordinary-looking
 * {@code HELD} answer, so a bot learns nothing.
 *
 * @param id      the new comment's id
 * @param status  {@code VISIBLE} (shown now) or {@code HELD} (waiting for a moderator)
 * @param message what to tell the reader
 */
public record PostedComment(UUID id, String status, String message) {

    static PostedComment visible(UUID id) {
        return new PostedComment(id, "VISIBLE", "Your comment is published.");
    }

    static PostedComment held(UUID id) {
        return new PostedComment(id, "HELD", "Your comment is awaiting moderation.");
    }
}
