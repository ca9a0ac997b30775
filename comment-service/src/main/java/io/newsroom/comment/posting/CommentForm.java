package io.newsroom.comment.posting;

/**
 * What a client needs to render the comment form.
 *
 * @param honeypotField the field to render hidden and leave empty
 * @param minFillMillis submits sooner than this after fetching the form are taken for a bot
 */
public record CommentForm(String formToken, String honeypotField, long minFillMillis) {
}
