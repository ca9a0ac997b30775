package io.newsroom.search.web;

import io.newsroom.search.rebuild.IndexRebuild;
import io.newsroom.search.rebuild.RebuildReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.newsroom.edge.openapi.OpenApiAutoConfiguration;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild the index from the article topic (role ADMIN, see SecurityConfiguration). */
@RestController
class RebuildController {

    private final IndexRebuild rebuild;

    RebuildController(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Runs the rebuild and answers with its report, including the check against the topic. */
    @Operation(operationId = "rebuildSearchIndex", summary = "Rebuild the index from the article topic",
            description = "Replays news.article into a new index, verifies it against the topic and switches the "
                    + "alias atomically; searches keep working throughout. Needs role ADMIN.",
            security = @SecurityRequirement(name = OpenApiAutoConfiguration.BEARER))
    @ApiResponse(responseCode = "200", description = "The rebuild report, including the check")
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The token lacks role ADMIN",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PostMapping(path = "/admin/index/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
