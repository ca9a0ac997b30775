package io.newsroom.article.editorial;

import io.newsroom.article.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The editor API (role EDITOR). Every change to an existing article needs {@code If-Match} with the
 * ETag of the version the editor worked on; the response carries the new ETag. The editor's
 * identity in the audit trail is the token's subject.
 */
@RestController
@RequestMapping("/editor/articles")
class EditorController {

    private final Editorial editorial;
    private final Revisions revisions;

    EditorController(Editorial editorial, Revisions revisions) {
        this.editorial = editorial;
        this.revisions = revisions;
    }

    @PostMapping
    ResponseEntity<Article> create(@Valid @RequestBody ArticleCopy copy, @AuthenticationPrincipal Jwt editor) {
        Article draft = editorial.createDraft(copy, editor.getSubject());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(draft.id()).toUri();
        return ResponseEntity.created(location).eTag(ETags.of(draft.version())).body(draft);
    }

    /** Drafts (default) or scheduled articles, for the editors' desk. */
    @GetMapping
    List<Article> list(@RequestParam(defaultValue = "DRAFT") ArticleStatus status,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return editorial.list(status, limit);
    }

    @GetMapping("/{id}")
    ResponseEntity<Article> get(@PathVariable UUID id) {
        return withETag(editorial.get(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<Article> update(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody ArticleCopy copy, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.update(id, ETags.versionFromIfMatch(ifMatch), copy, editor.getSubject()));
    }

    @PostMapping("/{id}/schedule")
    ResponseEntity<Article> schedule(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody Schedule schedule, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.schedule(id, ETags.versionFromIfMatch(ifMatch), schedule.publishAt(), editor.getSubject()));
    }

    @DeleteMapping("/{id}/schedule")
    ResponseEntity<Article> unschedule(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.unschedule(id, ETags.versionFromIfMatch(ifMatch), editor.getSubject()));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<Article> publish(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.publish(id, ETags.versionFromIfMatch(ifMatch), editor.getSubject()));
    }

    @PostMapping("/{id}/unpublish")
    ResponseEntity<Article> unpublish(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody Unpublish unpublish, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.unpublish(id, ETags.versionFromIfMatch(ifMatch), unpublish.reason(), editor.getSubject()));
    }

    @PostMapping("/{id}/corrections")
    ResponseEntity<Article> correct(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody NewCorrection correction, @AuthenticationPrincipal Jwt editor) {
        return withETag(editorial.correct(id, ETags.versionFromIfMatch(ifMatch), correction.text(), editor.getSubject()));
    }

    @GetMapping("/{id}/revisions")
    List<Revisions.Revision> revisions(@PathVariable UUID id) {
        editorial.get(id); // 404 for an unknown id rather than an empty history
        return revisions.history(id);
    }

    private static ResponseEntity<Article> withETag(Article article) {
        return ResponseEntity.ok().eTag(ETags.of(article.version())).body(article);
    }

    record Schedule(@NotNull @Future Instant publishAt) {
    }

    record Unpublish(@NotBlank @Size(max = 1000) String reason) {
    }

    record NewCorrection(@NotBlank @Size(max = 2000) String text) {
    }
}
