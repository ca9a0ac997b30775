package io.newsroom.comment.posting;

import io.newsroom.edge.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/** "Leave a reply": the form token and the post itself. Anonymous. */
@RestController
@Tag(name = "Posting", description = "\"Leave a reply\": the comment form and posting. Anonymous.")
class PostingController {

    private final CommentPosting posting;

    PostingController(CommentPosting posting) {
        this.posting = posting;
    }

    @GetMapping("/articles/{articleId}/comment-form")
    @Operation(operationId = "getCommentForm", summary = "The comment form",
            description = "A form token to send with the post, the honeypot field to render hidden and leave empty, "
                    + "and how long a person takes at least to fill the form.",
            security = {})
    @ApiResponse(responseCode = "200", description = "The form")
    @ApiResponse(responseCode = "404", description = "The article is not known here",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Comments on this article are closed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "410", description = "The article has been unpublished",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    CommentForm form(@PathVariable UUID articleId) {
        return posting.form(articleId);
    }

    @PostMapping("/articles/{articleId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "postComment", summary = "Post a comment",
            description = "A new comment or reply. `body` is plain text (up to 5,000 characters; line breaks kept, "
                    + "other control characters refused): it is shown HTML-encoded as `bodyHtml`, so markup appears "
                    + "as text. `authorName` is plain text (markup refused). The email is for moderators only and "
                    + "never shown. The answer says whether the comment is VISIBLE or HELD for moderation.",
            security = {})
    @ApiResponse(responseCode = "201", description = "Accepted: VISIBLE or HELD",
            headers = @Header(name = "Location", description = "The comment's URL"),
            content = @Content(schema = @Schema(implementation = PostedComment.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields (`errors` names each)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "The article is not known here",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Comments are closed, or the same comment was just posted",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "410", description = "The article has been unpublished",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "422", description = "Refused: the parent is not a visible comment of this article, "
            + "the reply is too deep, the form token expired, or the comment breaks the house rules",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many comments from this email or address; see `Retry-After`",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<PostedComment> post(@PathVariable UUID articleId, @Valid @RequestBody NewComment comment,
                                       HttpServletRequest request) {
        // Behind the gateway the remote address is the reader's: service-edge applies X-Forwarded-For from
        // trusted proxies only. The context path carries the gateway's X-Forwarded-Prefix and host, so the
        // Location is a gateway URL.
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
