package io.newsroom.article.reading;

import io.newsroom.article.ArticleProperties;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleNotFoundException;
import io.newsroom.article.editorial.ArticleStatus;
import io.newsroom.article.web.ETags;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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

/** The anonymous reading API: article pages, Latest News, Must Read, batch lookup. Published articles only. */
@RestController
@RequestMapping("/articles")
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
    ResponseEntity<PublicArticle> article(@PathVariable String slug, WebRequest request) {
        Article article = articles.bySlug(slug)
                .filter(a -> a.status() == ArticleStatus.PUBLISHED || a.status() == ArticleStatus.UNPUBLISHED)
                .orElseThrow(() -> new ArticleNotFoundException("No article at '" + slug + "'"));
        if (article.status() == ArticleStatus.UNPUBLISHED) {
            throw new ArticleGoneException(slug);
        }
        if (!article.slug().equals(slug)) {
            var location = ServletUriComponentsBuilder.fromCurrentRequest().replacePath("/articles/{slug}")
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
    LatestNews latest(@RequestParam(required = false) String section,
                      @RequestParam(required = false) String tag,
                      @RequestParam(required = false) String author,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                      @RequestParam(required = false) String cursor) {
        var filter = new PublicArticles.LatestNewsFilter(section,
                tag == null ? null : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), author);
        List<Teaser> page = articles.latest(filter, cursor == null ? null : Cursor.decode(cursor), limit);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Teaser last = page.getLast();
            next = new Cursor(last.publishedAt(), last.id()).encode();
        }
        return new LatestNews(page, next);
    }

    @GetMapping("/must-read")
    List<Teaser> mustRead() {
        return articles.mustRead(clock.instant());
    }

    /** For other services and the gateway: published articles among the ids, in the order asked; unknown ids are left out. */
    @GetMapping("/lookup")
    List<PublicArticle> lookup(@RequestParam @NotEmpty @Size(max = 100) List<UUID> ids) {
        return articles.byIds(ids).stream().map(PublicArticle::of).toList();
    }

    /** @param nextCursor {@code null} on the last page */
    record LatestNews(List<Teaser> items, String nextCursor) {
    }
}
