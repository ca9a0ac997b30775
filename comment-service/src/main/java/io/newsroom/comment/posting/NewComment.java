package io.newsroom.comment.posting;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

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
        String body,
        @NotBlank @Size(max = 80) @Pattern(regexp = "\\P{Cntrl}*", message = "must be plain text")
        String authorName,
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        UUID parentId,
        @NotBlank String formToken,
        String website) {
}
