package io.newsroom.gateway.page;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.newsroom.gateway.forwarding.ForwardedHeaders;
import io.newsroom.gateway.forwarding.Forwarding;

import io.newsroom.gateway.requestid.RequestIds;
import io.newsroom.gateway.routing.ServiceUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the article page: the article first (its id keys everything else), then comments, comment count and
 * related articles in parallel. Those three are optional: each one that fails or is late is named in
 * {@code degraded} and the page still goes out. Calls go through the same circuit breakers as the routes and carry
 * the same forwarded headers, so any URL a service puts in a part is a gateway URL. The page has a strong ETag
 * over its bytes and answers If-None-Match with 304.
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
    private final ForwardedHeaders forwarded;
    private final JsonMapper json;

    ArticlePageAssembler(WebClient.Builder webClients, ServiceUrls services,
                         ReactiveCircuitBreakerFactory<?, ?> breakers, ArticlePageProperties properties,
                         ForwardedHeaders forwarded, JsonMapper json) {
        this.forwarded = forwarded;
        this.json = json;
        this.articles = webClients.clone().baseUrl(services.article().toString()).build();
        this.comments = webClients.clone().baseUrl(services.comment().toString()).build();
        this.search = webClients.clone().baseUrl(services.search().toString()).build();
        this.breakers = breakers;
        this.properties = properties;
    }

    Mono<ResponseEntity<byte[]>> assemble(String slug, ServerWebExchange exchange) {
        String requestId = RequestIds.of(exchange);
        Forwarding forwarding = forwarded.of(exchange);
        Consumer<HttpHeaders> headers = h -> {
            h.set(RequestIds.HEADER, requestId);
            ForwardedHeaders.write(h, forwarding, ForwardedHeaders.API_PREFIX);
        };
        return article(slug, headers).flatMap(article -> {
            if (article.getStatusCode().is3xxRedirection()) {
                return Mono.just(redirect(article, exchange));
            }
            String articleId = article.getBody().path("id").asString();
            Mono<Optional<JsonNode>> thread = optional(COMMENTS, "comment",
                    get(comments, properties.commentsPath(), articleId, headers));
            Mono<Optional<JsonNode>> count = optional(COMMENT_COUNT, "comment",
                    get(comments, properties.commentCountPath(), articleId, headers));
            Mono<Optional<JsonNode>> related = optional(RELATED, "search",
                    get(search, properties.relatedPath(), articleId, headers));
            return Mono.zip(thread, count, related).map(parts -> page(exchange, article, articleId,
                    parts.getT1(), parts.getT2(), parts.getT3()));
        });
    }

    private Mono<ResponseEntity<JsonNode>> article(String slug, Consumer<HttpHeaders> headers) {
        Mono<ResponseEntity<JsonNode>> call = articles.get().uri(properties.articlePath(), slug)
                .headers(headers)
                .retrieve()
                .toEntity(JsonNode.class)
                .timeout(properties.articleTimeout())
                .onErrorMap(WebClientResponseException.class, ArticlePageAssembler::articleError);
        return breakers.create("article").run(call, Mono::error);
    }

    /**
     * An old slug: article-service answers 301 with the article's current gateway URL; the page answers 301 to the
     * page at the current slug (same scheme and host, the last path segment is the slug).
     */
    private static ResponseEntity<byte[]> redirect(ResponseEntity<JsonNode> article, ServerWebExchange exchange) {
        URI location = article.getHeaders().getLocation();
        if (location == null) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "article-service redirected without a Location.");
        }
        String current = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
        String page = exchange.getRequest().getPath().value();
        URI target = UriComponentsBuilder.fromUri(location)
                .replacePath(page.substring(0, page.lastIndexOf('/') + 1) + current).replaceQuery(null).build(true).toUri();
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(target);
        copy(article.getHeaders(), headers, HttpHeaders.CACHE_CONTROL);
        return ResponseEntity.status(article.getStatusCode()).headers(headers).build();
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

    private Mono<JsonNode> get(WebClient client, String path, String articleId, Consumer<HttpHeaders> headers) {
        return client.get().uri(path, articleId)
                .headers(headers)
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

    private ResponseEntity<byte[]> page(ServerWebExchange exchange, ResponseEntity<JsonNode> article,
                                        String articleId, Optional<JsonNode> thread, Optional<JsonNode> counts,
                                        Optional<JsonNode> related) {
        List<String> degraded = new ArrayList<>();
        JsonNode comments = present(thread.map(t -> envelope(t, "comments")), COMMENTS, degraded);
        Long count = counts.flatMap(c -> count(c, articleId))
                .or(() -> thread.map(t -> t.path("approvedCommentCount")).filter(JsonNode::isNumber)
                        .map(JsonNode::asLong))
                .orElse(null);
        if (count == null) {
            degraded.add(COMMENT_COUNT);
        }
        JsonNode relatedArticles = present(related.map(r -> withArticleIds(envelope(r, "articles"))), RELATED,
                degraded);
        ArticlePage page = new ArticlePage(article.getBody(), comments, count, relatedArticles, List.copyOf(degraded));
        byte[] body = json.writeValueAsBytes(page);
        String etag = etag(body);
        HttpHeaders headers = cachingHeaders(article.getHeaders(), degraded.isEmpty());
        headers.setETag(etag);
        if (matches(exchange.getRequest().getHeaders().getIfNoneMatch(), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * A list part as the one list envelope {@code {"items": [...], "nextCursor": ...}}: passed through when the
     * service already answers so, otherwise mapped from the older shapes ({@code {"comments": [...]}},
     * {@code {"articles": [...]}}, a bare array).
     */
    private JsonNode envelope(JsonNode part, String legacyField) {
        if (part.isObject() && part.has("items")) {
            return part;
        }
        JsonNode items = part.isArray() ? part : part.path(legacyField);
        if (!items.isArray()) {
            return part;
        }
        ObjectNode envelope = json.createObjectNode();
        envelope.set("items", items);
        JsonNode cursor = part.path("nextCursor");
        envelope.set("nextCursor", cursor.isString() ? cursor : json.getNodeFactory().nullNode());
        return envelope;
    }

    /** An article is {@code id} everywhere; search hits that still say {@code articleId} get {@code id} too. */
    private static JsonNode withArticleIds(JsonNode envelope) {
        for (JsonNode item : envelope.path("items")) {
            if (item instanceof ObjectNode hit && !hit.has("id") && hit.has("articleId")) {
                hit.set("id", hit.get("articleId"));
            }
        }
        return envelope;
    }

    /** {@code {"counts": {"<id>": n}}}, or a list of {@code {"articleId": id, "count": n}}. */
    private static Optional<Long> count(JsonNode counts, String articleId) {
        JsonNode byId = counts.path("counts").path(articleId);
        if (byId.isNumber()) {
            return Optional.of(byId.asLong());
        }
        for (JsonNode item : counts.path("items")) {
            if (articleId.equals(item.path("articleId").asString(null)) && item.path("count").isNumber()) {
                return Optional.of(item.path("count").asLong());
            }
        }
        return Optional.empty();
    }

    private static JsonNode present(Optional<JsonNode> part, String name, List<String> degraded) {
        if (part.isEmpty()) {
            degraded.add(name);
        }
        return part.orElse(null);
    }

    /** A strong validator over the page's bytes: any change in any part is a new ETag. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ is ignored, * matches any page. */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Caching follows the article (its max-age and Last-Modified). A degraded page may be kept only briefly
     * ({@code degraded-max-age}), so no cache serves the page without comments long after comment-service is back.
     */
    private HttpHeaders cachingHeaders(HttpHeaders article, boolean complete) {
        HttpHeaders headers = new HttpHeaders();
        copy(article, headers, HttpHeaders.LAST_MODIFIED);
        if (complete) {
            copy(article, headers, HttpHeaders.CACHE_CONTROL);
        } else {
            headers.setCacheControl("max-age=" + properties.degradedMaxAge().toSeconds());
        }
        return headers;
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        String found = from.getFirst(name);
        if (found != null) {
            to.set(name, found);
        }
    }
}
