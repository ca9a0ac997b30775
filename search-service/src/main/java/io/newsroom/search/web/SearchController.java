package io.newsroom.search.web;

import io.newsroom.edge.listing.Listing;
import io.newsroom.search.querying.ArticleHit;
import io.newsroom.search.querying.ArticleQuery;
import io.newsroom.search.querying.ArticleSearch;
import io.newsroom.search.querying.LatestArticles;
import io.newsroom.search.querying.SearchResults;
import io.newsroom.search.querying.ValidCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reader search: {@code GET /search} and {@code GET /latest}. */
@RestController
class SearchController {

    private final ArticleSearch search;
    private final LatestArticles latest;

    SearchController(ArticleSearch search, LatestArticles latest) {
        this.search = search;
        this.latest = latest;
    }

    @Operation(operationId = "searchArticles", summary = "Search published articles",
            description = "Typo-tolerant full-text search over headline, standfirst, tags and body, with filters, "
                    + "highlights (`<mark>`, HTML-escaped) and facets over all matches. Pages: `limit` items, the next "
                    + "page via `cursor` = the previous `nextCursor` (up to the 10 000th match).")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "One page of matches, the total and the facets")
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_INPUT,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = ApiDocs.BUSY,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping(path = "/search", produces = MediaType.APPLICATION_JSON_VALUE)
    SearchResults search(@Valid @ModelAttribute @ParameterObject ArticleQuery query) {
        return search.search(query);
    }

    @Operation(operationId = "listLatestArticles", summary = "Latest published articles",
            description = "Newest first, optionally only in a section and/or with a tag (both case-insensitive). "
                    + "Pages: `limit` items, the next page via `cursor` = the previous `nextCursor`.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "One page of articles, newest first")
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_INPUT,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = ApiDocs.BUSY,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping(path = "/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    Listing<ArticleHit> latest(
            @Parameter(description = "Only this section (case-insensitive)")
            @RequestParam(required = false) @Size(max = ArticleQuery.MAX_TERM) String section,
            @Parameter(description = "Only articles with this tag (case-insensitive)")
            @RequestParam(required = false) @Size(max = ArticleQuery.MAX_TERM) String tag,
            @Parameter(description = "Page size, 1-" + ArticleQuery.MAX_LIMIT)
            @RequestParam(defaultValue = "10") @Min(1) @Max(ArticleQuery.MAX_LIMIT) int limit,
            @Parameter(description = "The nextCursor of the previous page (opaque); absent for the first page")
            @RequestParam(required = false) @ValidCursor(ValidCursor.Kind.LATEST) String cursor) {
        return latest.latest(section, tag, limit, cursor == null || cursor.isBlank() ? null : cursor.strip());
    }
}
