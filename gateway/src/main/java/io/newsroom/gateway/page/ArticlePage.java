package io.newsroom.gateway.page;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Everything an article page needs in one response.
 *
 * @param article      the article as article-service serves it
 * @param comments     the first page of approved comments, as the list envelope {@code {items, nextCursor}}, or null
 * @param commentCount approved comments on the article, or null
 * @param related      "More Articles Like This" as the list envelope {@code {items, nextCursor}}, or null
 * @param degraded     the parts that are missing because their service failed or was too slow
 */
@Schema(name = "ArticlePage", description = "The article with its first page of comments, comment count and related "
        + "articles. A part whose service failed or was too slow is null and named in degraded.")
public record ArticlePage(
        @Schema(description = "The article as article-service serves it (GET /articles/{slug}).",
                requiredMode = Schema.RequiredMode.REQUIRED) JsonNode article,
        @Schema(description = "First page of approved comments: {\"items\": [...], \"nextCursor\": \"...\"|null}.",
                nullable = true) JsonNode comments,
        @Schema(description = "Approved comments on the article.", nullable = true) Long commentCount,
        @Schema(description = "More Articles Like This: {\"items\": [...], \"nextCursor\": null}; each item has the "
                + "article's id.", nullable = true) JsonNode related,
        @Schema(description = "Parts missing from this page: comments, commentCount, related.",
                requiredMode = Schema.RequiredMode.REQUIRED) List<String> degraded) {
}
