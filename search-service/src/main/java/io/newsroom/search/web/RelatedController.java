package io.newsroom.search.web;

import io.newsroom.edge.listing.Listing;
import io.newsroom.search.querying.ArticleHit;
import io.newsroom.search.related.RelatedArticles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** "More Articles Like This" for an article page. */
@RestController
class RelatedController {

    static final int MAX_LIMIT = 20;

    private final RelatedArticles related;

    RelatedController(RelatedArticles related) {
        this.related = related;
    }

    @Operation(operationId = "listRelatedArticles", summary = "More Articles Like This",
            description = "Articles like this one: more-like-this on the text first, then articles sharing the most "
                    + "tags, then the newest of the same section, then the newest of all. Never the article itself, "
                    + "never one twice, only published ones; `limit` items whenever that many others exist. "
                    + "One page: `nextCursor` is always null.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The related articles, best first")
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_INPUT,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No published article has this id",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = ApiDocs.BUSY,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping(path = "/articles/{id}/related", produces = MediaType.APPLICATION_JSON_VALUE)
    Listing<ArticleHit> related(
            @Parameter(description = "The article's id")
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "is not an article id") String id,
            @Parameter(description = "How many, 1-" + MAX_LIMIT)
            @RequestParam(defaultValue = "5") @Min(1) @Max(MAX_LIMIT) int limit) {
        return related.relatedTo(id, limit)
                .map(Listing::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published article has this id."));
    }
}
