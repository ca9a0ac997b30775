package io.newsroom.comment.posting;

import io.newsroom.edge.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

import static io.newsroom.comment.EmailAddresses.EMAIL;
import static io.newsroom.edge.openapi.ApiDocs.PLAIN_TEXT;

/**
 * The "Leave a reply" form.
 *
 * @param body      plain text; line breaks are kept, other control characters refused
 * @param email     stored for moderators, never shown or sent anywhere
 * @param parentId  the comment replied to, or {@code null}
 * @param formToken from {@code GET /articles/{id}/comment-form}
 * @param website   the honeypot: hidden from people, so only bots fill it
 */
public record NewComment(
        @NotBlank @Size(max = 5000) @Pattern(regexp = "[\\P{Cntrl}\\r\\n\\t]*", message = "must be plain text")
        @Schema(description = "Plain text as written (line breaks kept, other control characters refused). It is shown "
                + "HTML-encoded as bodyHtml, so markup appears as text, never as HTML.")
        String body,
        @NotBlank @Size(max = 80) @Pattern(regexp = "\\P{Cntrl}*", message = "must be plain text") @PlainText
        @Schema(description = "The name shown with the comment. " + PLAIN_TEXT)
        String authorName,
        @NotBlank @Size(max = 254) @Email(regexp = EMAIL, message = "must be a valid email address")
        @Schema(description = "For moderators only; never shown or sent anywhere.")
        String email,
        UUID parentId,
        @NotBlank String formToken,
        String website) {
}
