package io.newsroom.gateway.page;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Everything an article page needs in one response.
 *
 * @param article      the article as article-service serves it
 * @param comments     the first page of approved comments (comment-service's thread page), or null
 * @param commentCount approved comments on the article, or null
 * @param related      "More Articles Like This" (search-service), or null
 * @param degraded     the parts that are missing because their service failed or was too slow
 */
public record ArticlePage(JsonNode article, JsonNode comments, Long commentCount, JsonNode related,
                          List<String> degraded) {
}
