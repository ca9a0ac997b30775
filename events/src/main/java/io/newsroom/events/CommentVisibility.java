package io.newsroom.events;

/** Whether a new comment is shown at once or waits for a moderator. */
public enum CommentVisibility {
    VISIBLE,
    HELD
}
