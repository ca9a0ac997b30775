package io.newsroom.site.pages;

import io.newsroom.site.api.Api;
import io.newsroom.site.html.Html;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An API article page turned into what article.jte shows, including its structured data. */
@Component
class ArticleMarkup {

    private final Pages pages;
    private final JsonMapper json = JsonMapper.builder().build();

    ArticleMarkup(Pages pages) {
        this.pages = pages;
    }

    Views.Article view(Api.ArticlePage page, List<Api.Teaser> latest, Views.CommentForm form) {
        Api.Article a = page.article();
        ZoneId zone = ArticlePages.zone(a.dateline());
        String canonical = pages.absolute(Pages.articleUrl(a.slug()));
        boolean updated = a.updatedAt() != null && a.publishedAt() != null
                && Duration.between(a.publishedAt(), a.updatedAt()).toMinutes() >= 1;
        Views.Hero hero = a.heroImage() == null || a.heroImage().url() == null ? null
                : new Views.Hero(a.heroImage().url(), a.heroImage().altText(), a.heroImage().caption(), a.heroImage().credit());
        String description = a.standfirst().isBlank() ? truncate(Html.text(a.body()), 200) : a.standfirst();
        var head = new Views.Head(a.headline() + " — " + pages.siteName(), description, canonical, "article",
                hero == null ? null : hero.url(), hero == null ? null : hero.alt(), jsonLd(a, canonical, description),
                null, null, false, Pages.iso(a.publishedAt()), Pages.iso(a.updatedAt()), a.section(), a.tags());
        List<Views.Comment> comments = page.comments().items().stream().map(c -> comment(c, a.slug())).toList();
        long count = page.commentCount() != null ? page.commentCount() : countAll(page.comments().items());
        return new Views.Article(pages.chrome(a.section(), null), head, a.headline(), a.standfirst(),
                pages.longDate(a.publishedAt(), zone), Pages.iso(a.publishedAt()),
                updated ? pages.longDate(a.updatedAt(), zone) + ", " + Pages.LOCAL_TIME.format(a.updatedAt().atZone(zone)) : null,
                updated ? Pages.iso(a.updatedAt()) : null,
                a.dateline() == null ? null : a.dateline().place(),
                a.publishedAt() == null ? null : Pages.LOCAL_TIME.format(a.publishedAt().atZone(zone)),
                a.byline().stream().map(b -> Views.Link.of(b.name(), Pages.authorUrl(b.slug()))).toList(),
                hero, Html.body(a.body()),
                a.corrections().stream().map(c -> new Views.Correction(Pages.shortDate(c.correctedAt()),
                        Pages.iso(c.correctedAt()), c.text())).toList(),
                a.tags().stream().map(t -> Views.Link.of(t, Pages.tagUrl(t))).toList(),
                pages.sectionLink(a.section()),
                page.related().items().stream().filter(h -> !a.slug().equals(h.slug())).map(pages::teaser).toList(),
                latest.stream().filter(t -> !a.id().equals(t.id())).limit(5).map(t -> pages.teaser(t, null)).toList(),
                comments, count, form);
    }

    private Views.Comment comment(Api.Comment c, String slug) {
        return new Views.Comment(c.id().toString(), c.authorName(), pages.relative(c.postedAt()), Pages.iso(c.postedAt()),
                Html.comment(c.bodyHtml() != null ? c.bodyHtml() : org.springframework.web.util.HtmlUtils.htmlEscape(c.body())),
                Pages.articleUrl(slug) + "?replyTo=" + c.id() + "#reply",
                c.replies().stream().map(r -> comment(r, slug)).toList());
    }

    private static long countAll(List<Api.Comment> comments) {
        return comments.stream().mapToLong(c -> 1 + countAll(c.replies())).sum();
    }

    /** schema.org NewsArticle; {@code <} is escaped so no text can close the script element. */
    String jsonLd(Api.Article a, String canonical, String description) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonical));
        ld.put("url", canonical);
        ld.put("headline", truncate(a.headline(), 110));
        ld.put("description", description);
        ld.put("datePublished", Pages.iso(a.publishedAt()));
        ld.put("dateModified", Pages.iso(a.updatedAt() != null ? a.updatedAt() : a.publishedAt()));
        ld.put("author", a.byline().stream().map(b -> Map.of("@type", "Person", "name", b.name(),
                "url", pages.absolute(Pages.authorUrl(b.slug())))).toList());
        ld.put("image", a.heroImage() != null && a.heroImage().url() != null ? List.of(a.heroImage().url())
                : List.of(pages.absolute(Pages.SHARE_IMAGE)));
        ld.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", pages.siteName(),
                "url", pages.absolute("/"), "logo", Map.of("@type", "ImageObject", "url", pages.absolute(Pages.SHARE_IMAGE))));
        if (a.section() != null) {
            ld.put("articleSection", Pages.label(a.section()));
        }
        if (!a.tags().isEmpty()) {
            ld.put("keywords", a.tags());
        }
        if (a.dateline() != null) {
            ld.put("locationCreated", Map.of("@type", "Place", "name", a.dateline().place()));
        }
        return json.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
