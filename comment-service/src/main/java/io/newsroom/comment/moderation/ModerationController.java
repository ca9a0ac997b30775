package io.newsroom.comment.moderation;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.comment.ModerationPolicy;
import io.newsroom.edge.input.PlainText;
import io.newsroom.edge.listing.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

import static io.newsroom.edge.openapi.ApiDocs.BEARER;
import static io.newsroom.comment.EmailAddresses.EMAIL;
import static io.newsroom.edge.openapi.ApiDocs.PLAIN_TEXT;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/** The moderator API (role MODERATOR, see SecurityConfig). The JWT subject is the audited identity. */
@RestController
@RequestMapping("/moderation")
@SecurityRequirement(name = BEARER)
@Tag(name = "Moderation", description = "Queues, decisions, comment switches, policies and blocked emails (role MODERATOR).")
class ModerationController {

    private static final String EMAIL_MESSAGE = "must be a valid email address";

    record Decision(@NotNull ModerationAction action,
                    @Size(max = 1000) @PlainText @Schema(description = "Why; required to REMOVE. " + PLAIN_TEXT) String reason) {
    }

    record BulkDecision(@NotEmpty @Size(max = 100) List<@NotNull UUID> commentIds, @NotNull ModerationAction action,
                        @Size(max = 1000) @PlainText @Schema(description = "Why; required to REMOVE. " + PLAIN_TEXT) String reason) {
    }

    record CommentsOpen(@NotNull Boolean open,
                        @Size(max = 1000) @PlainText @Schema(description = PLAIN_TEXT) String reason) {
    }

    /** @param policy {@code null} returns the article to the global policy */
    record PolicyChange(ModerationPolicy policy) {
    }

    record EmailBlock(@NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = EMAIL_MESSAGE) String email,
                      @NotBlank @Size(max = 1000) @PlainText @Schema(description = PLAIN_TEXT) String reason) {
    }

    record CommentHistory(ModeratedComment comment, List<AuditTrail.Entry> audit) {
    }

    private final Moderation moderation;
    private final ModerationQueues queues;

    ModerationController(Moderation moderation, ModerationQueues queues) {
        this.moderation = moderation;
        this.queues = queues;
    }

    @GetMapping("/queues/{queue}")
    @Operation(operationId = "listModerationQueue", summary = "A moderation queue",
            description = "HELD (waiting for a first decision), REPORTED (visible, reported often enough) or SPAM, "
                    + "oldest first, optionally for one article or one author email. Keyset pages: pass `nextCursor` "
                    + "back as `cursor`; `total` counts the whole filtered queue.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "One page of the queue")
    @ApiResponse(responseCode = "400", description = "Unknown queue, malformed article id or email, `limit` out of 1–100 "
            + "or a cursor this service did not issue",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ModerationQueues.Page queue(@PathVariable @Parameter(description = "HELD, REPORTED or SPAM (any case)") ModerationQueue queue,
                                @RequestParam(required = false) UUID articleId,
                                @RequestParam(required = false) @Size(max = 254) @Email(regexp = EMAIL, message = EMAIL_MESSAGE)
                                @Parameter(description = "Only comments from this author email") String email,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                                @Parameter(description = "Page size, 1–100") int limit,
                                @RequestParam(required = false) @Size(max = 200)
                                @Parameter(description = "The `nextCursor` of the previous page") String cursor) {
        return queues.page(queue, articleId, email, cursor == null ? null : KeysetCursor.decode(cursor), limit);
    }

    @GetMapping("/comments/{commentId}")
    @Operation(operationId = "getModeratedComment", summary = "A comment with its audit trail",
            description = "Any status, with the author's email and address, and every moderation action on it.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The comment and its audit trail")
    @ApiResponse(responseCode = "404", description = "No comment with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    CommentHistory comment(@PathVariable UUID commentId) {
        return new CommentHistory(moderation.find(commentId), moderation.history(commentId));
    }

    @PostMapping("/comments/{commentId}/decisions")
    @Operation(operationId = "decideComment", summary = "Decide on a comment",
            description = "APPROVE (held, spam or visible: dismisses reports), REJECT (held), SPAM (held, visible, "
                    + "rejected), REMOVE (visible; needs a reason), RESTORE (removed, rejected).",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The comment after the decision")
    @ApiResponse(responseCode = "400", description = "Unknown action, or REMOVE without a reason",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No comment with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The action does not apply to the comment's status",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ModeratedComment decide(@PathVariable UUID commentId, @Valid @RequestBody Decision decision,
                            @AuthenticationPrincipal Jwt moderator) {
        return moderation.decide(commentId, decision.action(), decision.reason(), moderator.getSubject());
    }

    @PostMapping("/decisions")
    @Operation(operationId = "decideComments", summary = "Decide on many comments",
            description = "One action on up to 100 comments, all or nothing (one complete page of the changed comments).",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The comments after the decision")
    @ApiResponse(responseCode = "400", description = "No ids, more than 100, unknown action, or REMOVE without a reason",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Nothing changed: `errors` lists the comments that are unknown or "
            + "in a status the action does not apply to",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    Listing<ModeratedComment> decideAll(@Valid @RequestBody BulkDecision decision, @AuthenticationPrincipal Jwt moderator) {
        return Listing.of(moderation.decideAll(decision.commentIds(), decision.action(), decision.reason(),
                moderator.getSubject()));
    }

    @PutMapping("/articles/{articleId}/comments-open")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "setCommentsOpen", summary = "Open or close an article's comments",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "204", description = "Done")
    @ApiResponse(responseCode = "404", description = "The article is not known here",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void setCommentsOpen(@PathVariable UUID articleId, @Valid @RequestBody CommentsOpen change,
                         @AuthenticationPrincipal Jwt moderator) {
        moderation.setCommentsOpen(articleId, change.open(), change.reason(), moderator.getSubject());
    }

    @PutMapping("/articles/{articleId}/moderation-policy")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "setModerationPolicy", summary = "An article's moderation policy",
            description = "PRE (every comment is held), POST (shown, moderated after), or null for the global policy.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "204", description = "Done")
    @ApiResponse(responseCode = "404", description = "The article is not known here",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void setPolicy(@PathVariable UUID articleId, @Valid @RequestBody PolicyChange change, @AuthenticationPrincipal Jwt moderator) {
        moderation.setModerationPolicy(articleId, change.policy(), moderator.getSubject());
    }

    @PostMapping("/blocked-emails")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "blockEmail", summary = "Block an email",
            description = "Comments from this email go straight to spam; the sender is not told.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "204", description = "Blocked")
    void block(@Valid @RequestBody EmailBlock block, @AuthenticationPrincipal Jwt moderator) {
        moderation.blockEmail(block.email(), block.reason(), moderator.getSubject());
    }

    @DeleteMapping("/blocked-emails")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unblockEmail", summary = "Unblock an email",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "204", description = "Unblocked")
    @ApiResponse(responseCode = "400", description = "Not an email address",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "The email is not blocked",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void unblock(@RequestParam @NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = EMAIL_MESSAGE) String email,
                 @AuthenticationPrincipal Jwt moderator) {
        moderation.unblockEmail(email, moderator.getSubject());
    }
}
