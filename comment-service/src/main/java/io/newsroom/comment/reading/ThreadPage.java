package io.newsroom.comment.reading;

import java.util.List;

/**
 * One page of an article's thread: top-level comments with all their visible replies. The list envelope
 * ({@code items}, {@code nextCursor}) of every list, plus the article's count of visible comments.
 *
 * @param items                top-level comments, each with its visible replies nested
 * @param nextCursor           pass as {@code cursor} for the next page; {@code null} on the last page
 * @param approvedCommentCount visible comments of the whole article (replies included)
 */
public record ThreadPage(List<PublicComment> items, String nextCursor, long approvedCommentCount) {
}
