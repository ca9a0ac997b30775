package io.newsroom.comment.reading;

import io.newsroom.comment.Comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visible comment as readers get it. Built field by field from {@link Comment} so the author's
 * email and address cannot leak by accident.
 *
 * @param id        the comment's id
 * @param articleId the article it belongs to
 * @param body     plain text as written
 * @param bodyHtml the same text as safe HTML (see {@link SafeHtml})
 * @param replies  visible replies, oldest first
 */
public record PublicComment(
        UUID id,
        UUID articleId,
        UUID parentId,
        String authorName,
        String body,
        String bodyHtml,
        Instant postedAt,
        List<PublicComment> replies) {

    static PublicComment of(Comment c, List<PublicComment> replies) {
        return new PublicComment(c.id(), c.articleId(), c.parentId(), c.authorName(), c.body(), SafeHtml.render(c.body()),
                c.postedAt(), List.copyOf(replies));
    }
}
