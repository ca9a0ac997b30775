package io.newsroom.comment.posting;

import io.newsroom.comment.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/** "Leave a reply": the form token and the post itself. Anonymous. */
@RestController
class PostingController {

    private final CommentPosting posting;

    PostingController(CommentPosting posting) {
        this.posting = posting;
    }

    @GetMapping("/articles/{articleId}/comment-form")
    CommentForm form(@PathVariable UUID articleId) {
        return posting.form(articleId);
    }

    @PostMapping("/articles/{articleId}/comments")
    ResponseEntity<PostedComment> post(@PathVariable UUID articleId, @Valid @RequestBody NewComment comment,
                                       HttpServletRequest request) {
        // Behind the gateway the remote address is the reader's: Tomcat's RemoteIpValve reads X-Forwarded-For
        // from trusted (internal) proxies only.
        return switch (posting.post(articleId, comment, request.getRemoteAddr())) {
            case CommentPosting.Accepted accepted -> ResponseEntity
                    .created(ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/comments/{id}").build(accepted.commentId()))
                    .body(accepted.visible() ? PostedComment.visible(accepted.commentId())
                            : PostedComment.held(accepted.commentId()));
            case CommentPosting.Refused refused -> throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "comment-refused", "Comment refused", "Your comment was refused: it breaks the house rules.");
        };
    }
}
