package io.newsroom.site.feeds;

import io.newsroom.site.api.Api;
import io.newsroom.site.api.Gateway;
import io.newsroom.site.pages.Pages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What machines read: RSS 2.0 feeds, sitemap.xml, the news sitemap (last 48 hours) and robots.txt. */
@RestController
class Feeds {

    private static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final int SITEMAP_MAX = 1000;

    private final Gateway gateway;
    private final Pages pages;
    private final byte[] icon;

    Feeds(Gateway gateway, Pages pages) throws IOException {
        this.gateway = gateway;
        this.pages = pages;
        this.icon = new ClassPathResource("assets/icon.png").getContentAsByteArray();
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> home(WebRequest request) {
        return rss(request, null, pages.siteName() + " — Latest News", "/");
    }

    @GetMapping("/section/{section}/feed.xml")
    ResponseEntity<String> section(@PathVariable String section, WebRequest request) {
        String key = section.toLowerCase(Locale.ROOT);
        if (!pages.sections().contains(key)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No such section.");
        }
        return rss(request, key, pages.siteName() + " — " + Pages.label(key), Pages.sectionUrl(key));
    }

    private ResponseEntity<String> rss(WebRequest request, String section, String title, String path) {
        List<Api.Teaser> items = gateway.latest(section, null, null, 30, null).items();
        StringBuilder xml = new StringBuilder(8192).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
                .append("<title>").append(x(title)).append("</title>\n")
                .append("<link>").append(x(pages.absolute(path))).append("</link>\n")
                .append("<description>").append(x(title)).append("</description>\n")
                .append("<language>").append(x(pages.site().languageTag().toLowerCase(Locale.ROOT))).append("</language>\n")
                .append("<atom:link href=\"").append(x(pages.absolute(section == null ? "/feed.xml" : path + "/feed.xml")))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        Instant newest = items.stream().map(Api.Teaser::publishedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        if (newest != null) {
            xml.append("<lastBuildDate>").append(rfc1123(newest)).append("</lastBuildDate>\n");
        }
        for (Api.Teaser t : items) {
            String link = pages.absolute(Pages.articleUrl(t.slug()));
            xml.append("<item>\n<title>").append(x(t.headline())).append("</title>\n")
                    .append("<link>").append(x(link)).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">").append(t.id()).append("</guid>\n")
                    .append("<description>").append(x(t.standfirst())).append("</description>\n");
            if (t.section() != null) {
                xml.append("<category>").append(x(t.section())).append("</category>\n");
            }
            if (t.publishedAt() != null) {
                xml.append("<pubDate>").append(rfc1123(t.publishedAt())).append("</pubDate>\n");
            }
            xml.append("</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return cached(request, xml.toString(), RSS, newest);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(WebRequest request) {
        List<Api.Teaser> articles = recent(null);
        StringBuilder xml = new StringBuilder(64 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, pages.absolute("/"), articles.isEmpty() ? null : articles.getFirst().publishedAt());
        for (String s : pages.sections()) {
            url(xml, pages.absolute(Pages.sectionUrl(s)), null);
        }
        for (Api.Teaser t : articles) {
            url(xml, pages.absolute(Pages.articleUrl(t.slug())), t.publishedAt());
        }
        xml.append("</urlset>\n");
        return cached(request, xml.toString(), XML, articles.isEmpty() ? null : articles.getFirst().publishedAt());
    }

    /** Google News sitemap: articles of the last 48 hours. */
    @GetMapping("/news-sitemap.xml")
    ResponseEntity<String> newsSitemap(WebRequest request) {
        Instant since = pages.now().minus(Duration.ofHours(48));
        List<Api.Teaser> articles = recent(since);
        StringBuilder xml = new StringBuilder(16 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                .append("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        for (Api.Teaser t : articles) {
            xml.append("<url><loc>").append(x(pages.absolute(Pages.articleUrl(t.slug())))).append("</loc>")
                    .append("<news:news><news:publication><news:name>").append(x(pages.siteName()))
                    .append("</news:name><news:language>").append(x(pages.site().language()))
                    .append("</news:language></news:publication>")
                    .append("<news:publication_date>").append(Pages.iso(t.publishedAt())).append("</news:publication_date>")
                    .append("<news:title>").append(x(t.headline())).append("</news:title></news:news></url>\n");
        }
        xml.append("</urlset>\n");
        return cached(request, xml.toString(), XML, articles.isEmpty() ? null : articles.getFirst().publishedAt());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Allow: /
                Disallow: /search
                Disallow: /api/

                Sitemap: %1$s/sitemap.xml
                Sitemap: %1$s/news-sitemap.xml
                """.formatted(pages.absolute(""));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
    }

    /** The publisher logo named in structured data (a raster image, as news search engines want). */
    @GetMapping("/icon.png")
    ResponseEntity<byte[]> icon() {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).body(icon);
    }

    /** Newest first, until {@code since} (or the sitemap's limit). */
    private List<Api.Teaser> recent(Instant since) {
        List<Api.Teaser> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = gateway.latest(null, null, null, 100, cursor);
            for (Api.Teaser t : page.items()) {
                if (since != null && t.publishedAt() != null && t.publishedAt().isBefore(since)) {
                    return all;
                }
                all.add(t);
            }
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < SITEMAP_MAX);
        return all;
    }

    private static void url(StringBuilder xml, String loc, Instant lastmod) {
        xml.append("<url><loc>").append(x(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(Pages.iso(lastmod)).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private ResponseEntity<String> cached(WebRequest request, String body, MediaType type, Instant lastModified) {
        String etag = etag(body);
        CacheControl cache = pages.listCache();
        if (request.checkNotModified(etag, lastModified == null ? -1 : lastModified.toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).build();
        }
        var response = ResponseEntity.ok().contentType(type).cacheControl(cache).eTag(etag);
        if (lastModified != null) {
            response.lastModified(lastModified);
        }
        return response.body(body);
    }

    private static String etag(String body) {
        try {
            return "W/\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** XML text/attribute escaping; control characters XML 1.0 cannot carry are dropped. */
    static String x(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
