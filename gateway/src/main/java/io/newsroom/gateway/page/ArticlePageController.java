package io.newsroom.gateway.page;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/pages/article/{slug}}: one round trip for the article page on web and mobile. */
@RestController
@Validated
class ArticlePageController {

    private final ArticlePageAssembler assembler;

    ArticlePageController(ArticlePageAssembler assembler) {
        this.assembler = assembler;
    }

    @GetMapping(path = "/api/v1/pages/article/{slug}", produces = "application/json")
    @Operation(operationId = "getArticlePage", summary = "Article page: article, comments, count and related in one",
            description = "Fetches the article, then in parallel the first page of approved comments, the comment "
                    + "count and More Articles Like This. A part that fails or is late is null and named in "
                    + "degraded; such a page has a short max-age. Strong ETag; If-None-Match gives 304.",
            tags = "pages")
    @ApiResponse(responseCode = "200", description = "The article page.",
            headers = {@Header(name = "ETag", description = "Strong validator over the page",
                    schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", description = "The article's, or a short max-age when degraded",
                            schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ArticlePage.class)))
    @ApiResponse(responseCode = "304", description = "The page is unchanged since the ETag sent in If-None-Match.",
            content = @Content)
    @ApiResponse(responseCode = "410", description = "The article has been withdrawn.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "503", description = "article-service is unavailable; retry later.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<ResponseEntity<byte[]>> articlePage(
            @Parameter(description = "The article's slug", example = "israel-votes")
            @PathVariable @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "is not an article slug") String slug,
            ServerWebExchange exchange) {
        return assembler.assemble(slug, exchange);
    }
}
