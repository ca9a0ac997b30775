package io.newsroom.gateway.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.newsroom.gateway.requestid.RequestIds;
import io.newsroom.gateway.routing.ServiceUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Builds the article page: the article first (its id keys everything else), then comments, comment count and
 * related articles in parallel. Those three are optional: each one that fails or is late is named in
 * {@code degraded} and the page still goes out. Calls go through the same circuit breakers as the routes.
 */
@Component
class ArticlePageAssembler {

    private static final Logger log = LoggerFactory.getLogger(ArticlePageAssembler.class);

    static final String COMMENTS = "comments";
    static final String COMMENT_COUNT = "commentCount";
    static final String RELATED = "related";

    private final WebClient articles;
    private final WebClient comments;
    private final WebClient search;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final ArticlePageProperties properties;

    ArticlePageAssembler(WebClient.Builder webClients, ServiceUrls services,
                         ReactiveCircuitBreakerFactory<?, ?> breakers, ArticlePageProperties properties) {
        this.articles = webClients.clone().baseUrl(services.article().toString()).build();
        this.comments = webClients.clone().baseUrl(services.comment().toString()).build();
        this.search = webClients.clone().baseUrl(services.search().toString()).build();
        this.breakers = breakers;
        this.properties = properties;
    }

    Mono<ResponseEntity<ArticlePage>> assemble(String slug, String requestId) {
        return article(slug, requestId).flatMap(article -> {
            String articleId = article.getBody().path("id").asString();
            Mono<Optional<JsonNode>> thread = optional(COMMENTS, "comment",
                    get(comments, properties.commentsPath(), articleId, requestId));
            Mono<Optional<JsonNode>> count = optional(COMMENT_COUNT, "comment",
                    get(comments, properties.commentCountPath(), articleId, requestId));
            Mono<Optional<JsonNode>> related = optional(RELATED, "search",
                    get(search, properties.relatedPath(), articleId, requestId));
            return Mono.zip(thread, count, related).map(parts -> page(article, articleId,
                    parts.getT1(), parts.getT2(), parts.getT3()));
        });
    }

    private Mono<ResponseEntity<JsonNode>> article(String slug, String requestId) {
        Mono<ResponseEntity<JsonNode>> call = articles.get().uri(properties.articlePath(), slug)
                .header(RequestIds.HEADER, requestId)
                .retrieve()
                .toEntity(JsonNode.class)
                .timeout(properties.articleTimeout())
                .onErrorMap(WebClientResponseException.class, ArticlePageAssembler::articleError);
        return breakers.create("article").run(call, Mono::error);
    }

    private static Throwable articleError(WebClientResponseException failure) {
        if (failure.getStatusCode().is4xxClientError()) {
            return new ResponseStatusException(failure.getStatusCode(), switch (failure.getStatusCode().value()) {
                case 404 -> "No published article at this slug.";
                case 410 -> "This article has been withdrawn.";
                default -> "article-service refused the article request.";
            });
        }
        return new ResponseStatusException(HttpStatus.BAD_GATEWAY, "article-service failed to serve the article.");
    }

    private Mono<JsonNode> get(WebClient client, String path, String articleId, String requestId) {
        return client.get().uri(path, articleId)
                .header(RequestIds.HEADER, requestId)
                .retrieve()
                .bodyToMono(JsonNode.class);
    }

    private Mono<Optional<JsonNode>> optional(String part, String breaker, Mono<JsonNode> call) {
        Mono<JsonNode> limited = call.timeout(properties.partTimeout());
        return breakers.create(breaker).run(limited, Mono::error)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(failure -> {
                    log.warn("Article page without {}: {}", part, failure.toString());
                    return Mono.just(Optional.empty());
                });
    }

    private static ResponseEntity<ArticlePage> page(ResponseEntity<JsonNode> article, String articleId,
                                                    Optional<JsonNode> thread, Optional<JsonNode> counts,
                                                    Optional<JsonNode> related) {
        List<String> degraded = new ArrayList<>();
        JsonNode comments = present(thread, COMMENTS, degraded);
        Long count = counts.map(c -> c.path("counts").path(articleId))
                .filter(JsonNode::isNumber).map(JsonNode::asLong)
                .or(() -> thread.map(t -> t.path("approvedCommentCount")).filter(JsonNode::isNumber)
                        .map(JsonNode::asLong))
                .orElse(null);
        if (count == null) {
            degraded.add(COMMENT_COUNT);
        }
        JsonNode relatedArticles = present(related.map(r -> r.has("articles") ? r.get("articles") : r),
                RELATED, degraded);
        ArticlePage page = new ArticlePage(article.getBody(), comments, count, relatedArticles, List.copyOf(degraded));
        return ResponseEntity.ok().headers(cachingHeaders(article.getHeaders(), degraded.isEmpty())).body(page);
    }

    private static JsonNode present(Optional<JsonNode> part, String name, List<String> degraded) {
        if (part.isEmpty()) {
            degraded.add(name);
        }
        return part.orElse(null);
    }

    /**
     * Caching follows the article (its max-age and Last-Modified). A degraded page is never stored: a cache would
     * otherwise keep serving the page without comments long after comment-service is back. No ETag: the page holds
     * more than the article, so the article's validator would not describe it.
     */
    private static HttpHeaders cachingHeaders(HttpHeaders article, boolean complete) {
        HttpHeaders headers = new HttpHeaders();
        copy(article, headers, HttpHeaders.LAST_MODIFIED, Function.identity());
        if (complete) {
            copy(article, headers, HttpHeaders.CACHE_CONTROL, Function.identity());
        } else {
            headers.setCacheControl("no-store");
        }
        return headers;
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name, Function<String, String> value) {
        String found = from.getFirst(name);
        if (found != null) {
            to.set(name, value.apply(found));
        }
    }
}
