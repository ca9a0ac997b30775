package io.newsroom.comment.reading;

import java.util.List;
import java.util.UUID;

/**
 * One page of an article's thread: top-level comments with all their visible replies.
 *
 * @param nextCursor pass as {@code after} for the next page; {@code null} on the last page
 */
public record ThreadPage(UUID articleId, long approvedCommentCount, List<PublicComment> comments, String nextCursor) {
}
