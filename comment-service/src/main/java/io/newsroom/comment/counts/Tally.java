package io.newsroom.comment.counts;

/**
 * An article's comment count and event sequence right after one change.
 *
 * @param approvedCommentCount visible comments after the change
 * @param sequence             the change's number among this article's comment events
 */
public record Tally(long approvedCommentCount, long sequence) {
}
