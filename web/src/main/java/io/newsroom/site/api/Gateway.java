package io.newsroom.site.api;

import io.newsroom.site.SiteProperties;
import io.newsroom.site.security.ReaderAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The site's only door to data: the public API through the gateway, exactly as a mobile app uses it. Every call
 * carries the reader's address as {@code X-Forwarded-For}, so the gateway's per-client limits count readers, not
 * this process.
 */
@Component
public class Gateway {

    private static final String API = "/api/v1";

    private final RestClient http;
    private final JsonMapper json;

    Gateway(SiteProperties properties, RestClient.Builder restClients) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.apiTimeout());
        // Boot's builder: its calls are observed, so they carry the page request's trace to the gateway.
        this.http = restClients
                .baseUrl(properties.gatewayUrl().toString())
                .requestFactory(factory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", application/problem+json")
                .requestInterceptor((request, body, execution) -> {
                    ReaderAddress.current().ifPresent(a -> request.getHeaders().set("X-Forwarded-For", a));
                    return execution.execute(request, body);
                })
                .build();
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public Api.Listing<Api.Teaser> latest(String section, String tag, String author, int limit, String cursor) {
        JsonNode body = get(b -> b.path(API + "/articles")
                .queryParamIfPresent("section", Optional.ofNullable(section))
                .queryParamIfPresent("tag", Optional.ofNullable(tag))
                .queryParamIfPresent("author", Optional.ofNullable(author))
                .queryParam("limit", limit)
                .queryParamIfPresent("cursor", Optional.ofNullable(blankToNull(cursor)))
                .build(), "Latest News");
        return listing(body, Api.Teaser.class);
    }

    public List<Api.Teaser> mustRead() {
        return listing(get(b -> b.path(API + "/articles/must-read").build(), "Must Read"), Api.Teaser.class).items();
    }

    /** Visible comments per article; articles the API does not know count 0. */
    public Map<UUID, Long> commentCounts(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        JsonNode body = get(b -> b.path(API + "/comment-counts").queryParam("articleIds", articleIds.toArray()).build(),
                "comment counts");
        Map<UUID, Long> counts = new HashMap<>();
        body.path("counts").properties().forEach(e -> counts.put(UUID.fromString(e.getKey()), e.getValue().asLong()));
        return counts;
    }

    /**
     * The composite article page; an old slug is found from the composite's own 301, through the article API's 301
     * (when the composite answers 404 for it), or from the slug of the article a composite that followed the 301 sent.
     */
    public ArticleLookup articlePage(String slug) {
        var response = http.get().uri(b -> b.path(API + "/pages/article/{slug}").build(slug))
                .exchange((request, res) -> new Raw(res.getStatusCode().value(), res.getHeaders(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        return switch (response.status()) {
            case 200 -> {
                Api.ArticlePage page = json.readValue(response.body(), Api.ArticlePage.class);
                // the composite follows article-service's 301 for an old slug and answers with the current article
                yield slug.equals(page.article().slug()) ? new ArticleLookup.Found(page, response.headers().getETag())
                        : new ArticleLookup.Moved(page.article().slug());
            }
            case 301, 308 -> moved(response);
            case 404, 400 -> movedOrMissing(slug);
            case 410 -> new ArticleLookup.Gone();
            default -> movedOrMissing(slug);
        };
    }

    /** The new slug is the last segment of the 301's Location (the composite's and the article API's alike). */
    private static ArticleLookup moved(Raw response) {
        URI location = response.headers().getLocation();
        String path = location == null ? "" : location.getPath();
        return new ArticleLookup.Moved(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The article API itself tells an old slug (301) from an unknown one. */
    private ArticleLookup movedOrMissing(String slug) {
        var response = http.get().uri(b -> b.path(API + "/articles/{slug}").build(slug))
                .exchange((request, res) -> new Raw(res.getStatusCode().value(), res.getHeaders(), ""), true);
        return switch (response.status()) {
            case 301, 308 -> moved(response);
            case 410 -> new ArticleLookup.Gone();
            case 404, 400 -> new ArticleLookup.NotFound();
            default -> throw new ApiException(response.status(), null, "article " + slug);
        };
    }

    public Optional<Api.Article> article(String slug) {
        try {
            return Optional.of(json.treeToValue(get(b -> b.path(API + "/articles/{slug}").build(slug), "article"),
                    Api.Article.class));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    public Api.SearchResults search(SearchQuery q) {
        JsonNode body = get(b -> b.path(API + "/search")
                .queryParamIfPresent("q", Optional.ofNullable(q.q()))
                .queryParamIfPresent("section", Optional.ofNullable(q.section()))
                .queryParamIfPresent("tag", Optional.ofNullable(q.tag()))
                .queryParamIfPresent("author", Optional.ofNullable(q.author()))
                .queryParamIfPresent("from", Optional.ofNullable(q.from()))
                .queryParamIfPresent("to", Optional.ofNullable(q.to()))
                .queryParamIfPresent("sort", Optional.ofNullable(q.sort()))
                .queryParam("limit", q.limit())
                .queryParamIfPresent("cursor", Optional.ofNullable(q.cursor()))
                .build(), "search");
        return json.treeToValue(body, Api.SearchResults.class);
    }

    /** The form token; closed when comment-service says so; unavailable when it could not be asked. */
    public CommentFormLookup commentForm(UUID articleId) {
        try {
            return new CommentFormLookup.Open(json.treeToValue(get(b -> b.path(API + "/articles/{id}/comment-form").build(articleId),
                    "comment form"), Api.CommentForm.class));
        } catch (ApiException e) {
            return e.status() >= 500 || e.status() == 429 ? new CommentFormLookup.Unavailable() : new CommentFormLookup.Closed();
        } catch (RestClientException e) {
            return new CommentFormLookup.Unavailable();
        }
    }

    /** @throws ApiException with the API's problem (flood 429, closed 409, invalid 400, ...) */
    public Api.PostedComment postComment(UUID articleId, Api.NewComment comment) {
        var response = http.post().uri(b -> b.path(API + "/articles/{id}/comments").build(articleId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(comment))
                .exchange((request, res) -> new Raw(res.getStatusCode().value(), res.getHeaders(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        if (response.status() / 100 != 2) {
            throw new ApiException(response.status(), problem(response.body()), "comment post");
        }
        return json.readValue(response.body(), Api.PostedComment.class);
    }

    private JsonNode get(Function<UriBuilder, URI> uri, String what) {
        var response = http.get().uri(uri)
                .exchange((request, res) -> new Raw(res.getStatusCode().value(), res.getHeaders(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        if (response.status() / 100 != 2) {
            throw new ApiException(response.status(), problem(response.body()), what);
        }
        return json.readTree(response.body());
    }

    /** Accepts the contract's envelope {@code {items, nextCursor}} (and, from older services, a bare array). */
    private <T> Api.Listing<T> listing(JsonNode body, Class<T> type) {
        JsonNode items = body.isArray() ? body : body.path("items");
        if (!items.isArray() && body.isObject()) {
            // pre-contract shapes: {"articles": [...]}
            items = body.path("articles");
        }
        List<T> list = items.isArray()
                ? java.util.stream.StreamSupport.stream(items.spliterator(), false).map(n -> json.treeToValue(n, type)).toList()
                : List.of();
        JsonNode next = body.path("nextCursor");
        return new Api.Listing<>(list, next.isString() ? next.asString() : null);
    }

    private Api.Problem problem(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readValue(body, Api.Problem.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private record Raw(int status, HttpHeaders headers, String body) {
    }

    /** What the search page asks; null means absent. */
    public record SearchQuery(String q, String section, String tag, String author, String from, String to,
                              String sort, int limit, String cursor) {
    }
}
