package io.newsroom.site.pages;

import io.newsroom.site.api.Api;
import io.newsroom.site.api.ApiException;
import io.newsroom.site.api.Gateway;
import io.newsroom.site.html.Html;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Search results with highlighted snippets, facets, sort and paging. */
@Controller
class SearchPage {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final int LIMIT = 10;

    private final Gateway gateway;
    private final Pages pages;

    SearchPage(Gateway gateway, Pages pages) {
        this.gateway = gateway;
        this.pages = pages;
    }

    @GetMapping("/search")
    ResponseEntity<String> search(@RequestParam(required = false) String q, @RequestParam(required = false) String section,
                                  @RequestParam(required = false) String tag, @RequestParam(required = false) String author,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                                  WebRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "section", section);
        put(params, "tag", tag);
        put(params, "author", author);
        put(params, "from", from);
        put(params, "to", to);
        put(params, "sort", "newest".equalsIgnoreCase(sort) ? "newest" : null);
        String text = params.getOrDefault("q", "");
        var head = Views.Head.page(text.isEmpty() ? "Search — " + pages.siteName()
                : "Search: " + text + " — " + pages.siteName(), "Search the articles of " + pages.siteName() + ".",
                pages.absolute("/search")).noIndex();
        var chrome = pages.chrome(null, text);
        if (params.isEmpty()) {
            var view = new Views.Search(chrome, head, "", -1, List.of(), List.of(), List.of(), List.of(), null, null);
            return Caching.page(request, pages.render("search", view), null, pages.listCache());
        }
        Api.SearchResults results;
        try {
            results = gateway.search(new Gateway.SearchQuery(params.get("q"), params.get("section"), params.get("tag"),
                    params.get("author"), params.get("from"), params.get("to"), params.get("sort"), LIMIT, blank(cursor)));
        } catch (ApiException e) {
            if (e.status() >= 500 || e.status() == 429) {
                throw e;
            }
            String problem = e.problem().errors().isEmpty() ? "This search could not be run. Please change the words or filters."
                    : "This search could not be run: " + String.join("; ", e.problem().errors().stream()
                    .map(f -> f.field() + " " + f.message()).toList()) + ".";
            var view = new Views.Search(chrome, head, text, 0, List.of(), List.of(), List.of(), active(params), null, problem);
            return pages.html(org.springframework.http.HttpStatus.BAD_REQUEST, "search", view, pages.listCache());
        }
        List<Views.Hit> hits = results.items().stream().map(this::hit).toList();
        List<Views.Facet> facets = new ArrayList<>();
        facets.add(facet("Section", "section", results.facets().sections(), params, Pages::label));
        facets.add(facet("Tag", "tag", results.facets().tags(), params, Function.identity()));
        facets.add(facet("Author", "author", results.facets().authors(), params, Function.identity()));
        facets.add(months(results.facets().publishedByMonth(), params));
        facets.removeIf(f -> f.values().isEmpty());
        List<Views.Link> sorts = List.of(
                new Views.Link("Relevance", url(params, "sort", null), !params.containsKey("sort")),
                new Views.Link("Newest first", url(params, "sort", "newest"), params.containsKey("sort")));
        String next = results.nextCursor() == null ? null : url(params, "cursor", results.nextCursor());
        var view = new Views.Search(chrome, head, text, results.total(), hits, facets, sorts, active(params), next, null);
        return Caching.page(request, pages.render("search", view), null, pages.listCache());
    }

    private Views.Hit hit(Api.Hit h) {
        String headline = h.highlights() != null && h.highlights().headline() != null
                ? Html.highlight(h.highlights().headline()) : org.springframework.web.util.HtmlUtils.htmlEscape(h.headline());
        List<String> snippets = h.highlights() != null && h.highlights().body() != null
                ? h.highlights().body().stream().map(Html::highlight).toList()
                : List.of(org.springframework.web.util.HtmlUtils.htmlEscape(Pages.excerpt(h.standfirst())));
        return new Views.Hit(Pages.articleUrl(h.slug()), headline, snippets, pages.sectionLink(h.section()),
                pages.relative(h.publishedAt()), Pages.iso(h.publishedAt()), String.join(", ", h.authors()));
    }

    private static Views.Facet facet(String name, String param, List<Api.Bucket> buckets, Map<String, String> params,
                                     Function<String, String> label) {
        String selected = params.get(param);
        List<Views.FacetValue> values = buckets.stream().limit(8).map(b -> {
            boolean on = b.value().equalsIgnoreCase(selected);
            return new Views.FacetValue(label.apply(b.value()), b.count(), url(params, param, on ? null : b.value()), on);
        }).toList();
        return new Views.Facet(name, values);
    }

    private static Views.Facet months(List<Api.Bucket> buckets, Map<String, String> params) {
        List<Views.FacetValue> values = new ArrayList<>();
        for (Api.Bucket b : buckets.reversed().stream().limit(8).toList()) {
            LocalDate first;
            try {
                first = LocalDate.parse(b.value().length() > 10 ? b.value().substring(0, 10) : b.value());
            } catch (RuntimeException e) {
                continue;
            }
            String f = first.toString();
            String t = first.plusMonths(1).minusDays(1).toString();
            boolean on = f.equals(params.get("from")) && t.equals(params.get("to"));
            Map<String, String> narrowed = new LinkedHashMap<>(params);
            narrowed.remove("cursor");
            if (on) {
                narrowed.remove("from");
                narrowed.remove("to");
            } else {
                narrowed.put("from", f);
                narrowed.put("to", t);
            }
            values.add(new Views.FacetValue(MONTH.format(first), b.count(), build(narrowed), on));
        }
        return new Views.Facet("Month", values);
    }

    /** "Remove" links for each filter in force. */
    private static List<Views.Link> active(Map<String, String> params) {
        List<Views.Link> links = new ArrayList<>();
        for (String p : List.of("section", "tag", "author")) {
            if (params.containsKey(p)) {
                links.add(Views.Link.of(p + ": " + params.get(p), url(params, p, null)));
            }
        }
        if (params.containsKey("from") || params.containsKey("to")) {
            Map<String, String> widened = new LinkedHashMap<>(params);
            widened.remove("from");
            widened.remove("to");
            links.add(Views.Link.of("dates: " + params.getOrDefault("from", "…") + " to " + params.getOrDefault("to", "…"),
                    build(widened)));
        }
        return links;
    }

    private static String url(Map<String, String> params, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        if (!"cursor".equals(name)) {
            changed.remove("cursor");
        }
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return build(changed);
    }

    private static String build(Map<String, String> params) {
        StringBuilder url = new StringBuilder("/search");
        char sep = '?';
        for (var e : params.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(Pages.query(e.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static void put(Map<String, String> params, String name, String value) {
        String v = blank(value);
        if (v != null) {
            params.put(name, v.length() > 200 ? v.substring(0, 200) : v);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
