package io.newsroom.search.web;

import io.newsroom.edge.listing.Listing;
import io.newsroom.search.suggest.Suggestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search-box autocomplete. */
@RestController
class SuggestController {

    private final Suggestions suggestions;

    SuggestController(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Operation(operationId = "suggestCompletions", summary = "Autocomplete the search box",
            description = "Headlines and tags of published articles starting with the prefix, each with the id of "
                    + "its article. One page: `nextCursor` is always null.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The completions")
    @ApiResponse(responseCode = "400", description = ApiDocs.BAD_INPUT,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = ApiDocs.BUSY,
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @GetMapping(path = "/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    Listing<Suggestions.Suggestion> suggest(
            @Parameter(description = "What the reader has typed so far, 1-100 characters")
            @RequestParam @NotBlank @Size(max = 100) String prefix,
            @Parameter(description = "How many, 1-" + Suggestions.MAX)
            @RequestParam(defaultValue = "10") @Min(1) @Max(Suggestions.MAX) int limit) {
        return Listing.of(suggestions.complete(prefix.strip(), limit));
    }
}
