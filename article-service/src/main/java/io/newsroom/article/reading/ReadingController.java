package io.newsroom.article.reading;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.article.ArticleProperties;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleNotFoundException;
import io.newsroom.article.editorial.ArticleStatus;
import io.newsroom.article.editorial.KnownSection;
import io.newsroom.article.editorial.Slugs;
import io.newsroom.article.web.ETags;
import io.newsroom.edge.input.PlainText;
import io.newsroom.edge.listing.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/**
 * The anonymous reading API: article pages, Latest News, Must Read, batch lookup. Published articles only.
 * HEAD is answered like GET (Spring MVC maps HEAD to every {@code @GetMapping}).
 */
@RestController
@RequestMapping("/articles")
@Tag(name = "Reading", description = "Published articles for readers: anonymous, cacheable.")
class ReadingController {

    private final PublicArticles articles;
    private final ArticleProperties properties;
    private final Clock clock;

    ReadingController(PublicArticles articles, ArticleProperties properties, Clock clock) {
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
    }

    /** ETag and Last-Modified come from the version and update time, so a conditional hit is a 304 without a body. */
    @GetMapping("/{slug}")
    @Operation(operationId = "getArticle", summary = "An article page",
            description = "The public state of a published article by its slug. The `ETag` is the article's version; "
                    + "`If-None-Match`/`If-Modified-Since` give 304. An old slug answers 301 to the current one "
                    + "(a gateway URL). Headline, standfirst, dateline place, byline names, image texts, tags and "
                    + "corrections are plain text; `body` is sanitized HTML (paragraphs, subheads, quotes, lists, "
                    + "emphasis, http(s)/mailto links).",
            security = {})
    @ApiResponse(responseCode = "200", description = "The article",
            headers = {@Header(name = "ETag", description = "The article's version, e.g. \"7\""),
                    @Header(name = "Last-Modified", description = "When it last changed")})
    @ApiResponse(responseCode = "301", description = "An old slug: `Location` is the article's current URL",
            headers = @Header(name = "Location", description = "The current URL of the article"), content = @Content)
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent", content = @Content)
    @ApiResponse(responseCode = "404", description = "No published article has this slug",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "410", description = "The article was published and has been taken down",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<PublicArticle> article(@PathVariable @Parameter(description = "The article's slug") String slug,
                                          WebRequest request) {
        Article article = articles.bySlug(slug)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED || a.status() == ArticleStatus.UNPUBLISHED)
                .orElseThrow(() -> new ArticleNotFoundException("No article at '" + slug + "'"));
        if (article.status() == ArticleStatus.UNPUBLISHED) {
            throw new ArticleGoneException(slug);
        }
        if (!article.slug().equals(slug)) {
            // The context path carries the gateway's X-Forwarded-Prefix and host (service-edge), so this is a gateway URL.
            var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/articles/{slug}")
                    .buildAndExpand(article.slug()).toUri();
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(location).build();
        }
        CacheControl cache = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic();
        if (request.checkNotModified(ETags.of(article.version()), article.updatedAt().toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).build();
        }
        return ResponseEntity.ok()
                .eTag(ETags.of(article.version()))
                .lastModified(article.updatedAt())
                .cacheControl(cache)
                .body(PublicArticle.of(article));
    }

    /** Latest News: newest first, keyset pagination; {@code author} is an author slug. */
    @GetMapping
    @Operation(operationId = "listLatestNews", summary = "Latest News",
            description = "Published articles, newest first, as teasers, optionally filtered by section, tag and author. "
                    + "Keyset pages: pass `nextCursor` back as `cursor`; articles published meanwhile never shift pages.",
            security = {})
    @ApiResponse(responseCode = "200", description = "One page of teasers")
    @ApiResponse(responseCode = "400", description = "Unknown section, malformed tag or author, `limit` out of 1–100, "
            + "or a cursor this API did not hand out",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    Listing<Teaser> latest(@RequestParam(required = false) @KnownSection
                           @Parameter(description = "One of the configured sections, e.g. `world`") String section,
                           @RequestParam(required = false) @Size(min = 1, max = 60) @PlainText
                           @Parameter(description = "A tag (case and inner spacing ignored), plain text") String tag,
                           @RequestParam(required = false) @Size(max = 100)
                           @Pattern(regexp = Slugs.PATTERN, message = "must be an author slug: lowercase letters, digits and single hyphens")
                           @Parameter(description = "An author's slug, e.g. `ruth-writer`") String author,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                           @Parameter(description = "Page size, 1–100") int limit,
                           @RequestParam(required = false) @Size(max = 200)
                           @Parameter(description = "The `nextCursor` of the previous page") String cursor) {
        var filter = new PublicArticles.LatestNewsFilter(section,
                tag == null ? null : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), author);
        List<Teaser> page = articles.latest(filter, cursor == null ? null : KeysetCursor.decode(cursor), limit);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Teaser last = page.getLast();
            next = new KeysetCursor(last.publishedAt(), last.id()).encode();
        }
        return new Listing<>(page, next);
    }

    @GetMapping("/must-read")
    @Operation(operationId = "listMustRead", summary = "Must Read",
            description = "The editors' unexpired Must Read picks, in editorial order (one complete page: `nextCursor` is null).",
            security = {})
    @ApiResponse(responseCode = "200", description = "The picks as teasers")
    Listing<Teaser> mustRead() {
        return Listing.of(articles.mustRead(clock.instant()));
    }

    /** For other services and the gateway: published articles among the ids, in the order asked; unknown ids are left out. */
    @GetMapping("/lookup")
    @Operation(operationId = "lookupArticles", summary = "Published articles by id",
            description = "The published articles among up to 100 ids, in the order asked; unknown, draft and "
                    + "unpublished ids are left out (one complete page).",
            security = {})
    @ApiResponse(responseCode = "200", description = "The published articles found")
    @ApiResponse(responseCode = "400", description = "No ids, more than 100, or one that is not a UUID",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    Listing<PublicArticle> lookup(@RequestParam @NotEmpty @Size(max = 100)
                                  @Parameter(description = "Comma-separated article ids (UUIDs), at most 100")
                                  List<@NotNull UUID> ids) {
        return Listing.of(articles.byIds(ids).stream().map(PublicArticle::of).toList());
    }
}
