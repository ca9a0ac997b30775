package io.newsroom.site.pages;

import io.newsroom.site.api.Api;
import io.newsroom.site.api.Gateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** Home, section, tag and author pages: Latest News lists with cursor paging. */
@Controller
class FrontPages {

    static final int PAGE_SIZE = 20;

    private final Gateway gateway;
    private final Pages pages;

    FrontPages(Gateway gateway, Pages pages) {
        this.gateway = gateway;
        this.pages = pages;
    }

    @GetMapping("/")
    ResponseEntity<String> home(@RequestParam(required = false) String cursor, WebRequest request) {
        var latest = Parallel.start(() -> gateway.latest(null, null, null, PAGE_SIZE, cursor));
        var mustRead = Parallel.start(gateway::mustRead);
        Api.Listing<Api.Teaser> page = Parallel.join(latest);
        List<Api.Teaser> picks = cursor == null ? Parallel.joinOr(mustRead, List.of()) : List.of();
        Map<UUID, Long> counts = counts(Stream.concat(page.items().stream(), picks.stream()).map(Api.Teaser::id).toList());

        String title = pages.siteName() + " — Latest News";
        var head = Views.Head.page(cursor == null ? title : title + " (more)",
                        "Latest News and the editors' Must Read picks from " + pages.siteName() + ".",
                        pages.absolute("/"))
                .withFeed("/feed.xml", pages.siteName() + " — Latest News");
        if (cursor != null) {
            head = head.noIndex();
        }
        var view = new Views.Home(pages.chrome(null, null), head,
                page.items().stream().map(t -> pages.teaser(t, counts)).toList(),
                page.nextCursor() == null ? null : "/?cursor=" + Pages.query(page.nextCursor()),
                picks.stream().map(t -> pages.teaser(t, counts)).toList());
        return Caching.page(request, pages.render("home", view), newest(page.items()), pages.listCache());
    }

    @GetMapping("/section/{section}")
    ResponseEntity<String> section(@PathVariable String section, @RequestParam(required = false) String cursor,
                                   WebRequest request) {
        String key = section.toLowerCase(Locale.ROOT);
        if (!pages.sections().contains(key)) {
            return notFound();
        }
        var page = gateway.latest(key, null, null, PAGE_SIZE, cursor);
        String feed = Pages.sectionUrl(key) + "/feed.xml";
        String heading = Pages.label(key);
        return listing(request, key, "Section", heading, Pages.sectionUrl(key), page, cursor, feed,
                "The latest " + heading + " news from " + pages.siteName() + ".");
    }

    @GetMapping("/tag/{tag}")
    ResponseEntity<String> tag(@PathVariable String tag, @RequestParam(required = false) String cursor,
                               WebRequest request) {
        String key = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.length() > 60) {
            return notFound();
        }
        var page = gateway.latest(null, key, null, PAGE_SIZE, cursor);
        if (page.items().isEmpty() && cursor == null) {
            return notFound();
        }
        return listing(request, null, "Tag", key, Pages.tagUrl(key), page, cursor, null,
                "Articles tagged " + key + " on " + pages.siteName() + ".");
    }

    @GetMapping("/author/{slug}")
    ResponseEntity<String> author(@PathVariable String slug, @RequestParam(required = false) String cursor,
                                  WebRequest request) {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 100) {
            return notFound();
        }
        var page = gateway.latest(null, null, slug, PAGE_SIZE, cursor);
        if (page.items().isEmpty() && cursor == null) {
            return notFound();
        }
        String name = page.items().isEmpty() ? null : gateway.article(page.items().getFirst().slug())
                .flatMap(a -> a.byline().stream().filter(b -> slug.equals(b.slug())).findFirst())
                .map(Api.Author::name).orElse(null);
        if (name == null) {
            name = nameFromSlug(slug);
        }
        return listing(request, null, "Author", name, Pages.authorUrl(slug), page, cursor, null,
                "Articles by " + name + " on " + pages.siteName() + ".");
    }

    private ResponseEntity<String> listing(WebRequest request, String currentSection, String kind, String heading,
                                           String path, Api.Listing<Api.Teaser> page, String cursor, String feed,
                                           String description) {
        Map<UUID, Long> counts = counts(page.items().stream().map(Api.Teaser::id).toList());
        var head = Views.Head.page(heading + " — " + pages.siteName(), description, pages.absolute(path));
        if (feed != null) {
            head = head.withFeed(feed, pages.siteName() + " — " + heading);
        }
        if (cursor != null) {
            head = head.noIndex();
        }
        var view = new Views.Listing(pages.chrome(currentSection, null), head, kind, heading,
                page.items().stream().map(t -> pages.teaser(t, counts)).toList(),
                page.nextCursor() == null ? null : path + "?cursor=" + Pages.query(page.nextCursor()), feed);
        return Caching.page(request, pages.render("listing", view), newest(page.items()), pages.listCache());
    }

    private Map<UUID, Long> counts(List<UUID> ids) {
        try {
            return gateway.commentCounts(ids.stream().filter(Objects::nonNull).distinct().toList());
        } catch (RuntimeException e) {
            return null; // the list reads without counts
        }
    }

    private ResponseEntity<String> notFound() {
        return pages.html(HttpStatus.NOT_FOUND, "error", pages.error(404, "Page not found",
                "There is no page at this address. Try a search, or start from the front page."), pages.listCache());
    }

    private static Instant newest(List<Api.Teaser> items) {
        return items.stream().map(Api.Teaser::publishedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    static String nameFromSlug(String slug) {
        List<String> words = new ArrayList<>();
        for (String w : slug.split("-")) {
            words.add(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return String.join(" ", words);
    }
}
