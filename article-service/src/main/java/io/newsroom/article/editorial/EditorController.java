package io.newsroom.article.editorial;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.article.web.ETags;
import io.newsroom.edge.input.PlainText;
import io.newsroom.edge.listing.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.newsroom.edge.openapi.ApiDocs.BEARER;
import static io.newsroom.edge.openapi.ApiDocs.PLAIN_TEXT;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/**
 * The editor API (role EDITOR). Every change to an existing article needs {@code If-Match} with the
 * ETag of the version the editor worked on; the response carries the new ETag. The editor's
 * identity in the audit trail is the token's subject.
 */
@RestController
@RequestMapping("/editor/articles")
@Tag(name = "Editorial", description = "Drafts, schedule, publication, corrections and take-downs (role EDITOR).")
class EditorController {

    private static final String IF_MATCH = "The `ETag` of the version you edited, e.g. \"7\" (required: 428 without it)";

    private final Editorial editorial;
    private final Revisions revisions;

    EditorController(Editorial editorial, Revisions revisions) {
        this.editorial = editorial;
        this.revisions = revisions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createDraft", summary = "Create a draft",
            description = "A new draft from the editor's copy. Headline, standfirst, dateline place, byline names, "
                    + "image alt text, caption and credit and tags are plain text (HTML markup and control characters "
                    + "are refused); `body` takes HTML and is sanitized to paragraphs, subheads, quotes, lists, "
                    + "emphasis and http(s)/mailto links. `Location` is the draft's URL on the gateway.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "201", description = "The draft",
            headers = {@Header(name = "Location", description = "The draft's URL"),
                    @Header(name = "ETag", description = "Its version, for If-Match")},
            content = @Content(schema = @Schema(implementation = Article.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields (`errors` names each), markup in a plain-text field, "
            + "an unknown section, an unknown JSON field or a wrongly typed value",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The slug sent belongs to another article",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is larger than the service accepts",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> create(@Valid @RequestBody ArticleCopy copy, @AuthenticationPrincipal Jwt editor) {
        Article draft = editorial.createDraft(copy, editor.getSubject());
        // The context path carries the gateway's X-Forwarded-Prefix and host (service-edge), so this is a gateway URL.
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/editor/articles/{id}")
                .buildAndExpand(draft.id()).toUri();
        return ResponseEntity.created(location).eTag(ETags.of(draft.version())).body(draft);
    }

    /** Drafts (default) or scheduled articles, for the editors' desk. */
    @GetMapping
    @Operation(operationId = "listDesk", summary = "The editors' desk",
            description = "Articles in one status: drafts and others most recently changed first, scheduled ones by "
                    + "due time. Pages of `limit`; pass `nextCursor` back as `cursor`.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "One page of articles")
    @ApiResponse(responseCode = "400", description = "Unknown status, `limit` out of 1–200 or a cursor this API did not hand out",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    Listing<Article> list(@RequestParam(defaultValue = "DRAFT")
                          @Parameter(description = "DRAFT, SCHEDULED, PUBLISHED or UNPUBLISHED (any case)") ArticleStatus status,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(200)
                          @Parameter(description = "Page size, 1–200") int limit,
                          @RequestParam(required = false) @Size(max = 200)
                          @Parameter(description = "The `nextCursor` of the previous page") String cursor) {
        List<Article> page = editorial.list(status, cursor == null ? null : KeysetCursor.decode(cursor), limit);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = deskPosition(page.getLast(), status).encode();
        }
        return new Listing<>(page, next);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEditorArticle", summary = "An article as editors see it",
            description = "Any status, with the workflow fields; the `ETag` is the version to send in `If-Match`.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The article", headers = @Header(name = "ETag", description = "Its version"))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> get(@PathVariable UUID id) {
        return withETag(editorial.get(id));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateCopy", summary = "Replace the copy",
            description = "Replaces the editor's copy (same fields and rules as create). A published article's slug "
                    + "changes only when `slug` is sent; the old one then redirects.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The article with its new version", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The slug sent belongs to another article",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "`If-Match` names an older version (the current `ETag` comes back)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> update(@PathVariable UUID id,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH) String ifMatch,
                                   @Valid @RequestBody ArticleCopy copy, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.update(id, ETags.versionFromIfMatch(ifMatch), copy, editor.getSubject()));
    }

    @PostMapping("/{id}/schedule")
    @Operation(operationId = "scheduleArticle", summary = "Schedule publication",
            description = "Publishes the draft at `publishAt` (in the future, at most 10 years ahead), within seconds of it.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The scheduled article", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "400", description = "`publishAt` missing, past or too far ahead",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not possible in the article's status (e.g. already published)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "`If-Match` names an older version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> schedule(@PathVariable UUID id,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH) String ifMatch,
                                     @Valid @RequestBody Schedule schedule, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.schedule(id, ETags.versionFromIfMatch(ifMatch), schedule.publishAt(), editor.getSubject()));
    }

    @DeleteMapping("/{id}/schedule")
    @Operation(operationId = "unscheduleArticle", summary = "Cancel the schedule",
            description = "The scheduled article goes back to draft.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The draft", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The article is not scheduled",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "`If-Match` names an older version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> unschedule(@PathVariable UUID id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH) String ifMatch,
                                       @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.unschedule(id, ETags.versionFromIfMatch(ifMatch), editor.getSubject()));
    }

    @PostMapping("/{id}/publish")
    @Operation(operationId = "publishArticle", summary = "Publish now",
            description = "Publishes the draft or scheduled article; readers see it at once and the event goes out.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The published article", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Already published or taken down",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "`If-Match` names an older version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> publish(@PathVariable UUID id,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH) String ifMatch,
                                    @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.publish(id, ETags.versionFromIfMatch(ifMatch), editor.getSubject()));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(operationId = "unpublishArticle", summary = "Take down",
            description = "Takes a published article down; its public page answers 410. `reason` is plain text.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The unpublished article", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "400", description = "No reason, or markup in it",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The article is not published",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "`If-Match` names an older version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> unpublish(@PathVariable UUID id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH) String ifMatch,
                                      @Valid @RequestBody Unpublish unpublish, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.unpublish(id, ETags.versionFromIfMatch(ifMatch), unpublish.reason(), editor.getSubject()));
    }

    @PostMapping("/{id}/corrections")
    @Operation(operationId = "correctArticle", summary = "Append a correction",
            description = "Appends a public correction to a published article. `text` is plain text.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The corrected article", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "400", description = "No text, or markup in it",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Only published articles take corrections",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "412", description = "`If-Match` names an older version",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Article> correct(@PathVariable UUID id,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Parameter(description = IF_MATCH) String ifMatch,
                                    @Valid @RequestBody NewCorrection correction, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.correct(id, ETags.versionFromIfMatch(ifMatch), correction.text(), editor.getSubject()));
    }

    @GetMapping("/{id}/revisions")
    @Operation(operationId = "listRevisions", summary = "Revision history",
            description = "Who did what, when, and which fields each revision changed, oldest first (one complete page).",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The revisions")
    @ApiResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    Listing<Revisions.Revision> revisions(@PathVariable UUID id) {
        editorial.get(id); // 404 for an unknown id rather than an empty history
        return Listing.of(revisions.history(id));
    }

    private static ResponseEntity<Article> withETag(Article article) {
        return ResponseEntity.ok().eTag(ETags.of(article.version())).body(article);
    }

    /** @param publishAt in the future and at most {@value Editorial#MAX_YEARS_AHEAD} years ahead */
    record Schedule(@NotNull @Future Instant publishAt) {
    }

    record Unpublish(@NotBlank @Size(max = 1000) @PlainText @Schema(description = PLAIN_TEXT) String reason) {
    }

    record NewCorrection(@NotBlank @Size(max = 2000) @PlainText @Schema(description = PLAIN_TEXT) String text) {
    }

    /** The desk sorts scheduled articles by due time, the others by their last change. */
    private static KeysetCursor deskPosition(Article last, ArticleStatus status) {
        return new KeysetCursor(status == ArticleStatus.SCHEDULED ? last.scheduledFor() : last.updatedAt(), last.id());
    }
}
