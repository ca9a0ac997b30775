package io.newsroom.site.pages;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.newsroom.site.SiteProperties;
import io.newsroom.site.api.Api;
import io.newsroom.site.assets.Assets;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders templates and knows the site's addresses and how dates read on the page. */
@Component
public class Pages {

    public static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    /** The site's square card image (also the publisher logo), for pages without a picture of their own. */
    public static final String SHARE_IMAGE = "/icon.png";
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final TemplateEngine templates;
    private final SiteProperties site;
    private final Assets assets;
    private final Clock clock;

    Pages(TemplateEngine templates, SiteProperties site, Assets assets, Clock clock) {
        this.templates = templates;
        this.site = site;
        this.assets = assets;
        this.clock = clock;
    }

    public String render(String template, Object page) {
        var out = new StringOutput(16 * 1024);
        templates.render(template + ".jte", page, out);
        return out.toString();
    }

    public ResponseEntity<String> html(HttpStatusCode status, String template, Object page, CacheControl cache) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(cache).body(render(template, page));
    }

    public Views.Chrome chrome(String currentSection, String query) {
        List<Views.Link> sections = site.sections().stream()
                .map(s -> new Views.Link(label(s), sectionUrl(s), s.equals(currentSection))).toList();
        Instant now = clock.instant();
        return new Views.Chrome(site.name(), sections, assets.url("site.css"), assets.url("site.js"),
                assets.url("icon.svg"), absolute(SHARE_IMAGE), LONG_DATE.format(now.atZone(ZoneOffset.UTC)), now.atZone(ZoneOffset.UTC).toLocalDate().toString(),
                query == null ? "" : query, "/api/v1/suggest", "/feed.xml", null, site.languageTag(), site.ogLocale(),
                site.twitterSite());
    }

    public Views.Error error(int status, String heading, String message) {
        return new Views.Error(chrome(null, null), Views.Head.page(heading + " — " + site.name(), message, null).noIndex(),
                status, heading, message);
    }

    /**
     * An error page written straight to the response, for Spring Security's handlers (they answer outside MVC);
     * never cached, it says something about this one request.
     */
    public void writeError(HttpServletResponse response, int status, String heading, String message) throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(HTML.toString());
        response.getWriter().write(render("error", error(status, heading, message)));
    }

    /** List pages: a shared cache may keep them a minute and serve them stale briefly while refreshing. */
    public CacheControl listCache() {
        return CacheControl.maxAge(site.pageMaxAge()).cachePublic().staleWhileRevalidate(Duration.ofSeconds(30));
    }

    public Views.Teaser teaser(Api.Teaser t, Map<java.util.UUID, Long> counts) {
        return new Views.Teaser(articleUrl(t.slug()), t.headline(), excerpt(t.standfirst()), sectionLink(t.section()),
                relative(t.publishedAt()), iso(t.publishedAt()), counts == null ? null : counts.getOrDefault(t.id(), 0L));
    }

    public Views.Teaser teaser(Api.Hit h) {
        return new Views.Teaser(articleUrl(h.slug()), h.headline(), excerpt(h.standfirst()), sectionLink(h.section()),
                relative(h.publishedAt()), iso(h.publishedAt()), h.commentCount());
    }

    public Views.Link sectionLink(String section) {
        return section == null ? null : Views.Link.of(label(section), sectionUrl(section));
    }

    public String absolute(String path) {
        return site.publicOrigin() + path;
    }

    public String siteName() {
        return site.name();
    }

    public SiteProperties site() {
        return site;
    }

    public List<String> sections() {
        return site.sections();
    }

    public Instant now() {
        return clock.instant();
    }

    public static String articleUrl(String slug) {
        return "/articles/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    public static String sectionUrl(String section) {
        return "/section/" + UriUtils.encodePathSegment(section, StandardCharsets.UTF_8);
    }

    public static String tagUrl(String tag) {
        return "/tag/" + UriUtils.encodePathSegment(tag.strip().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
    }

    public static String authorUrl(String slug) {
        return "/author/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
    }

    public static String query(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    public static String label(String section) {
        return section == null || section.isEmpty() ? "" : Character.toUpperCase(section.charAt(0)) + section.substring(1);
    }

    static String excerpt(String standfirst) {
        if (standfirst == null) {
            return "";
        }
        String s = standfirst.strip();
        return s.length() <= 220 ? s : s.substring(0, s.lastIndexOf(' ', 217) > 0 ? s.lastIndexOf(' ', 217) : 217) + "…";
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public String longDate(Instant instant, ZoneId zone) {
        return instant == null ? "" : LONG_DATE.format(instant.atZone(zone));
    }

    public static String shortDate(Instant instant) {
        return instant == null ? "" : SHORT_DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    /** "5 minutes ago", "3 hours ago", "yesterday", then the date. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration age = Duration.between(instant, clock.instant());
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toHours() < 24) {
            return plural(age.toHours(), "hour") + " ago";
        }
        if (age.toDays() < 2) {
            return "yesterday";
        }
        if (age.toDays() < 7) {
            return age.toDays() + " days ago";
        }
        return shortDate(instant);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
