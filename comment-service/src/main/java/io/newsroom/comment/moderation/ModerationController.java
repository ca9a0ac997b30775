package io.newsroom.comment.moderation;

import io.newsroom.comment.ModerationPolicy;
import io.newsroom.comment.web.ApiDocs;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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

/** The moderator API (role MODERATOR, see SecurityConfig). The JWT subject is the audited identity. */
@RestController
@RequestMapping("/moderation")
@SecurityRequirement(name = ApiDocs.BEARER)
class ModerationController {

    record Decision(@NotNull ModerationAction action, @Size(max = 1000) String reason) {
    }

    record BulkDecision(@NotEmpty @Size(max = 100) List<@NotNull UUID> commentIds, @NotNull ModerationAction action,
                        @Size(max = 1000) String reason) {
    }

    record CommentsOpen(@NotNull Boolean open, @Size(max = 1000) String reason) {
    }

    /** @param policy {@code null} returns the article to the global policy */
    record PolicyChange(ModerationPolicy policy) {
    }

    record EmailBlock(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 1000) String reason) {
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
    ModerationQueues.Page queue(@PathVariable ModerationQueue queue,
                                @RequestParam(required = false) UUID articleId,
                                @RequestParam(required = false) String email,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queues.page(queue, articleId, email, page, size);
    }

    @GetMapping("/comments/{commentId}")
    CommentHistory comment(@PathVariable UUID commentId) {
        return new CommentHistory(moderation.find(commentId), moderation.history(commentId));
    }

    @PostMapping("/comments/{commentId}/decisions")
    ModeratedComment decide(@PathVariable UUID commentId, @Valid @RequestBody Decision decision,
                            @AuthenticationPrincipal Jwt moderator) {
        return moderation.decide(commentId, decision.action(), decision.reason(), moderator.getSubject());
    }

    @PostMapping("/decisions")
    List<ModeratedComment> decideAll(@Valid @RequestBody BulkDecision decision, @AuthenticationPrincipal Jwt moderator) {
        return moderation.decideAll(decision.commentIds(), decision.action(), decision.reason(), moderator.getSubject());
    }

    @PutMapping("/articles/{articleId}/comments-open")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setCommentsOpen(@PathVariable UUID articleId, @Valid @RequestBody CommentsOpen change,
                         @AuthenticationPrincipal Jwt moderator) {
        moderation.setCommentsOpen(articleId, change.open(), change.reason(), moderator.getSubject());
    }

    @PutMapping("/articles/{articleId}/moderation-policy")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setPolicy(@PathVariable UUID articleId, @RequestBody PolicyChange change, @AuthenticationPrincipal Jwt moderator) {
        moderation.setModerationPolicy(articleId, change.policy(), moderator.getSubject());
    }

    @PostMapping("/blocked-emails")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void block(@Valid @RequestBody EmailBlock block, @AuthenticationPrincipal Jwt moderator) {
        moderation.blockEmail(block.email(), block.reason(), moderator.getSubject());
    }

    @DeleteMapping("/blocked-emails")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@RequestParam @NotBlank String email, @AuthenticationPrincipal Jwt moderator) {
        moderation.unblockEmail(email, moderator.getSubject());
    }
}
