package io.newsroom.comment.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/** Readers' side: an article's thread, one comment, and counts for article lists. Anonymous; HEAD works like GET. */
@RestController
@Tag(name = "Reading", description = "Threads, single comments and comment counts for readers: anonymous.")
class ReadingController {

    /**
     * Not a list: one count per article asked for.
     *
     * @param counts visible comments per article id; unknown articles count 0
     */
    record CommentCounts(Map<UUID, Long> counts) {
    }

    private final ThreadReading reading;

    ReadingController(ThreadReading reading) {
        this.reading = reading;
    }

    @GetMapping("/articles/{articleId}/comments")
    @Operation(operationId = "listThread", summary = "An article's comment thread",
            description = "Visible top-level comments with their visible replies nested, oldest or newest first. "
                    + "Keyset pages: pass `nextCursor` back as `cursor`. Each comment has `body` (plain text as "
                    + "written) and `bodyHtml` (the same text HTML-encoded, line breaks as `<br>`, http(s) URLs as "
                    + "`rel=\"nofollow ugc\"` links): safe to insert as HTML.",
            security = {})
    @ApiResponse(responseCode = "200", description = "One page of the thread, with the article's count of visible comments")
    @ApiResponse(responseCode = "400", description = "`order` not oldest or newest, `limit` out of 1–100, or a cursor "
            + "this service did not issue",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "The article is not known here",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "410", description = "The article has been unpublished",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ThreadPage thread(@PathVariable UUID articleId,
                      @RequestParam(defaultValue = "oldest") @Pattern(regexp = "(?i)oldest|newest", message = "must be oldest or newest")
                      @Parameter(description = "`oldest` (default) or `newest`, any case") String order,
                      @RequestParam(required = false) @Size(max = 200)
                      @Parameter(description = "The `nextCursor` of the previous page") String cursor,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                      @Parameter(description = "Top-level comments per page, 1–100") int limit) {
        return reading.page(articleId, order.toLowerCase(Locale.ROOT).equals("newest"), cursor, limit);
    }

    @GetMapping("/comments/{commentId}")
    @Operation(operationId = "getComment", summary = "One comment",
            description = "A visible comment (without replies): `body` is plain text, `bodyHtml` the safe HTML rendering.",
            security = {})
    @ApiResponse(responseCode = "200", description = "The comment")
    @ApiResponse(responseCode = "404", description = "No visible comment with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    PublicComment comment(@PathVariable UUID commentId) {
        return reading.comment(commentId);
    }

    /** For Latest News lists: {@code ?articleIds=a,b,c}, up to 100. */
    @GetMapping("/comment-counts")
    @Operation(operationId = "getCommentCounts", summary = "Comment counts of articles",
            description = "Visible-comment counts for up to 100 article ids, as a map from id to count (not a list); "
                    + "unknown and unpublished articles count 0.",
            security = {})
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiResponse(responseCode = "400", description = "No ids, more than 100, or one that is not a UUID",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    CommentCounts counts(@RequestParam @NotEmpty @Size(max = 100)
                         @Parameter(description = "Comma-separated article ids (UUIDs), at most 100")
                         List<@NotNull UUID> articleIds) {
        return new CommentCounts(reading.counts(articleIds.stream().distinct().toList()));
    }
}
