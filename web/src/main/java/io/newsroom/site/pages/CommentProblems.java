package io.newsroom.site.pages;

import io.newsroom.site.api.Api;
import io.newsroom.site.api.ApiException;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's refusals of a comment, as sentences a reader understands, next to the field they concern. */
final class CommentProblems {

    private CommentProblems() {
    }

    static HttpStatus status(ApiException e) {
        HttpStatus status = HttpStatus.resolve(e.status());
        if (status == null || status.is5xxServerError()) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return status == HttpStatus.BAD_REQUEST ? HttpStatus.UNPROCESSABLE_CONTENT : status;
    }

    static Map<String, String> sentences(ApiException e) {
        Api.Problem p = e.problem();
        Map<String, String> errors = new LinkedHashMap<>();
        switch (e.status()) {
            case 400 -> {
                for (Api.FieldError f : p.errors()) {
                    String field = f.field() == null ? "form" : f.field();
                    errors.putIfAbsent(switch (field) {
                        case "body", "authorName", "email" -> field;
                        default -> "form";
                    }, fieldSentence(field, f.message()));
                }
                if (errors.isEmpty()) {
                    errors.put("form", "Something in the form could not be accepted. Please check it and send again.");
                }
            }
            case 429 -> errors.put("form", "You have sent several comments in a short time. "
                    + (p.detail() != null ? p.detail() : "Please wait a minute and send again.")
                    + " Your text is kept below.");
            case 409 -> errors.put("form", "comments-closed".equals(p.kind())
                    ? "Comments are closed on this article, so your comment could not be posted."
                    : "duplicate-comment".equals(p.kind()) ? "You have already posted this comment."
                    : sentence(p, "Your comment could not be posted."));
            case 410 -> errors.put("form", "This article has been withdrawn, so it takes no more comments.");
            case 404 -> errors.put("form", "This article does not take comments.");
            case 422 -> errors.put("form", switch (p.kind()) {
                case "form-expired" -> "The form had been open too long. Please send your comment again.";
                case "reply-too-deep" -> "This thread is as deep as it goes: please reply to an earlier comment.";
                case "invalid-parent" -> "The comment you are replying to is no longer available.";
                default -> sentence(p, "Your comment could not be posted.");
            });
            case 403 -> errors.put("form", "Your comment could not be accepted from this page. Please reload the page and send again.");
            default -> errors.put("form", "We could not post your comment just now. Please try again in a moment; your text is kept below.");
        }
        return errors;
    }

    private static String fieldSentence(String field, String message) {
        return switch (field) {
            case "body" -> "Please write your comment: plain text, up to 5,000 characters.";
            case "authorName" -> "Please give the name to show with your comment: plain text, up to 80 characters.";
            case "email" -> "Please give a valid email address, like name@example.org. It is never published.";
            default -> "Please check the form: " + (message == null ? "a value was not accepted." : field + " " + message + ".");
        };
    }

    private static String sentence(Api.Problem p, String fallback) {
        return p.detail() != null && !p.detail().isBlank() ? p.detail() : fallback;
    }
}
