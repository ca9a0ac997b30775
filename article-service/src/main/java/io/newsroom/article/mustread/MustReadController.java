package io.newsroom.article.mustread;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.Articles;
import io.newsroom.edge.listing.Listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.newsroom.edge.openapi.ApiDocs.BEARER;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/** Editors read and set the Must Read list; readers get it from {@code GET /articles/must-read}. */
@RestController
@Tag(name = "Editorial")
class MustReadController {

    private final MustRead mustRead;
    private final Articles articles;

    MustReadController(MustRead mustRead, Articles articles) {
        this.mustRead = mustRead;
        this.articles = articles;
    }

    @GetMapping("/editor/must-read")
    @Operation(operationId = "listMustReadPicks", summary = "The Must Read list as editors see it",
            description = "The unexpired picks in order, each with its article's headline and slug, its expiry and who "
                    + "picked it: what an editor needs to reorder the list and send it back whole (one complete page).",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "200", description = "The picks, in order")
    Listing<Pick> list() {
        return Listing.of(mustRead.picks().stream().map(p -> {
            var article = articles.find(p.articleId());
            return new Pick(p.articleId(), article.map(Article::headline).orElse(""), article.map(Article::slug).orElse(""),
                    p.expiresAt(), p.pickedBy(), p.pickedAt());
        }).toList());
    }

    /** @param pickedBy the audit identity (token subject) of the editor who set the list */
    record Pick(UUID articleId, String headline, String slug, Instant expiresAt, String pickedBy, Instant pickedAt) {
    }

    @PutMapping("/editor/must-read")
    @Operation(operationId = "replaceMustRead", summary = "Replace the Must Read list",
            description = "The whole list in order (at most 20 picks), each a published article with an expiry in the "
                    + "future and at most 10 years ahead. All or nothing.",
            security = @SecurityRequirement(name = BEARER))
    @ApiResponse(responseCode = "204", description = "The list is replaced")
    @ApiResponse(responseCode = "400", description = "A pick twice, of an unknown or unpublished article, or with a past "
            + "or too distant expiry (`errors` names the pick)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Void> replace(@Valid @RequestBody MustReadList list, @AuthenticationPrincipal Jwt editor) {
        mustRead.replace(list.picks(), editor.getSubject());
        return ResponseEntity.noContent().build();
    }

    record MustReadList(@NotNull @Size(max = 20) List<MustRead.@NotNull @Valid Pick> picks) {
    }
}
