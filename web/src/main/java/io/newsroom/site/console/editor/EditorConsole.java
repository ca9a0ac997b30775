package io.newsroom.site.console.editor;

import io.newsroom.site.SiteProperties;
import io.newsroom.site.api.Api;
import io.newsroom.site.console.Console;
import io.newsroom.site.console.ConsoleApi;
import io.newsroom.site.pages.Pages;
import io.newsroom.site.pages.Preview;
import io.newsroom.site.pages.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.newsroom.site.console.ConsoleApi.path;

/**
 * The editor console: the desk's lists, the article form, preview, the workflow (schedule, publish, take down,
 * correct) and the revision history, all on the editor API through the gateway as the signed-in editor. Every
 * change sends the version the editor opened ({@code If-Match}); when someone else saved in between (412) the
 * editor's text stays in the form next to what the other person changed.
 */
@Controller
class EditorConsole {

    static final String BASE = "/console/editor";
    private static final List<String> STATUSES = List.of("DRAFT", "SCHEDULED", "PUBLISHED", "UNPUBLISHED");
    private static final Map<String, String> LABELS = Map.of("DRAFT", "Drafts", "SCHEDULED", "Scheduled",
            "PUBLISHED", "Published", "UNPUBLISHED", "Taken down");
    private static final Map<String, String> FIELD_LABELS = new LinkedHashMap<>();
    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).toList());

    static {
        ZONES.addFirst("UTC");
        FIELD_LABELS.put("headline", "headline");
        FIELD_LABELS.put("standfirst", "standfirst");
        FIELD_LABELS.put("dateline", "dateline");
        FIELD_LABELS.put("byline", "byline");
        FIELD_LABELS.put("section", "section");
        FIELD_LABELS.put("tags", "tags");
        FIELD_LABELS.put("heroImage", "hero image");
        FIELD_LABELS.put("body", "body");
        FIELD_LABELS.put("commentsEnabled", "comments");
        FIELD_LABELS.put("slug", "address (slug)");
        FIELD_LABELS.put("status", "status");
        FIELD_LABELS.put("scheduledFor", "schedule");
        FIELD_LABELS.put("corrections", "corrections");
    }

    private final ConsoleApi api;
    private final Console console;
    private final Preview preview;
    private final SiteProperties site;

    EditorConsole(ConsoleApi api, Console console, Preview preview, SiteProperties site) {
        this.api = api;
        this.console = console;
        this.preview = preview;
        this.site = site;
    }

    // --- the desk

    @GetMapping(BASE)
    ResponseEntity<String> desk(@RequestParam(defaultValue = "DRAFT") String status, @RequestParam(required = false) String cursor,
                                HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        String wanted = status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(wanted)) {
            wanted = "DRAFT";
        }
        String listed = wanted;
        JsonNode page = api.require(api.get(b -> {
            b.path("/api/v1/editor/articles").queryParam("status", listed).queryParam("limit", 50);
            if (cursor != null && !cursor.isBlank()) {
                b.queryParam("cursor", cursor);
            }
            return b.build();
        }), "desk");
        List<EditorViews.Row> rows = items(page).stream().map(a -> row(a, listed)).toList();
        List<Views.Link> tabs = STATUSES.stream()
                .map(s -> new Views.Link(LABELS.get(s), BASE + "?status=" + s, s.equals(listed))).toList();
        String next = page.path("nextCursor").isString()
                ? BASE + "?status=" + listed + "&cursor=" + Pages.query(page.path("nextCursor").asString()) : null;
        return console.page("console/desk", new EditorViews.Desk(console.chrome(request, user, "editor"),
                LABELS.get(listed), tabs, rows, next));
    }

    private EditorViews.Row row(JsonNode a, String status) {
        String byline = String.join(", ", items(a.path("byline")).stream().map(b -> b.path("name").asString()).toList());
        ZoneId zone = zone(a.path("dateline").path("timeZone").asString("UTC"));
        return switch (status) {
            case "SCHEDULED" -> new EditorViews.Row(editUrl(a), a.path("headline").asString(), byline,
                    Pages.label(a.path("section").asString()), Console.when(instant(a, "scheduledFor"), zone), "Due");
            case "PUBLISHED" -> new EditorViews.Row(editUrl(a), a.path("headline").asString(), byline,
                    Pages.label(a.path("section").asString()), Console.when(instant(a, "publishedAt"), zone), "Published");
            default -> new EditorViews.Row(editUrl(a), a.path("headline").asString(), byline,
                    Pages.label(a.path("section").asString()), Console.when(instant(a, "updatedAt"), zone), "Changed");
        };
    }

    // --- write and edit

    @GetMapping(BASE + "/new")
    ResponseEntity<String> blank(HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        return console.page("console/article", edit(request, user, null, ArticleForm.blank(), Map.of(), null));
    }

    @PostMapping(BASE + "/new")
    ResponseEntity<String> create(@ModelAttribute ArticleForm form, HttpServletRequest request, HttpServletResponse response,
                                  @AuthenticationPrincipal OidcUser user) {
        var answer = api.send(HttpMethod.POST, path("/editor/articles"), form.copy(), null);
        if (answer.status() == 400) {
            return console.page(HttpStatus.UNPROCESSABLE_ENTITY, "console/article",
                    edit(request, user, null, form, errors(answer.problem()), null));
        }
        JsonNode draft = api.require(answer, "create draft");
        return console.seeOther(editUrl(draft), "Draft saved.", false, request, response);
    }

    @GetMapping(BASE + "/articles/{id}")
    ResponseEntity<String> open(@PathVariable UUID id, HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        Optional<JsonNode> article = article(id);
        if (article.isEmpty()) {
            return missing(request, user);
        }
        return console.page("console/article", edit(request, user, article.get(), ArticleForm.of(article.get()), Map.of(), null));
    }

    @PostMapping(BASE + "/articles/{id}")
    ResponseEntity<String> save(@PathVariable UUID id, @ModelAttribute ArticleForm form, HttpServletRequest request,
                                HttpServletResponse response, @AuthenticationPrincipal OidcUser user) {
        var answer = api.send(HttpMethod.PUT, path("/editor/articles/{id}", id), form.copy(), ifMatch(form.version()));
        return switch (answer.status()) {
            case 200 -> console.seeOther(editUrl(answer.body()), "Saved.", false, request, response);
            case 400 -> {
                JsonNode current = article(id).orElseThrow();
                yield console.page(HttpStatus.UNPROCESSABLE_ENTITY, "console/article",
                        edit(request, user, current, form, errors(answer.problem()), null));
            }
            case 404 -> missing(request, user);
            case 409 -> {
                JsonNode current = article(id).orElseThrow();
                yield console.page(HttpStatus.CONFLICT, "console/article", edit(request, user, current, form,
                        Map.of("form", detail(answer.problem(), "The article could not be saved.")), null));
            }
            case 412, 428 -> conflict(id, form, request, user);
            default -> {
                api.require(answer, "save article");
                yield null;
            }
        };
    }

    /**
     * Someone saved after the version this editor opened: show who changed what, keep every word this editor typed,
     * and let them save again on top of the new version once they have looked.
     */
    private ResponseEntity<String> conflict(UUID id, ArticleForm mine, HttpServletRequest request, OidcUser user) {
        JsonNode current = article(id).orElseThrow();
        long opened = parseVersion(mine.version());
        ArticleForm theirs = ArticleForm.of(current);
        var names = new LinkedHashMap<String, Boolean>();
        var fields = new TreeSet<String>();
        for (JsonNode r : items(api.require(api.get(path("/editor/articles/{id}/revisions", id)), "revisions"))) {
            if (r.path("version").asLong() > opened) {
                names.put(who(r), true);
                items(r.path("changed")).forEach(f -> fields.add(f.asString()));
            }
        }
        List<EditorViews.Change> changes = new ArrayList<>();
        for (String field : FIELD_LABELS.keySet()) {
            if (!fields.contains(field)) {
                continue;
            }
            String formField = switch (field) {
                case "dateline" -> "place";
                case "heroImage" -> "heroUrl";
                case "commentsEnabled" -> "comments";
                default -> field;
            };
            String value = switch (field) {
                case "dateline" -> theirs.place() + " (" + theirs.timeZone() + ")";
                case "status", "scheduledFor", "corrections", "slug" -> statusLine(current);
                default -> theirs.field(formField);
            };
            changes.add(new EditorViews.Change(FIELD_LABELS.get(field), value));
        }
        String who = names.isEmpty() ? "Someone" : String.join(", ", names.keySet());
        String summary = who + " saved this article after you opened it (now version " + current.path("version").asLong()
                + "). Your text is still in the form below and has not been saved. Compare it with what changed, "
                + "then save again to replace their version with yours.";
        var view = edit(request, user, current, mine.withVersion(current.path("version").asString()),
                Map.of(), new EditorViews.Conflict(summary, changes));
        return console.page(HttpStatus.CONFLICT, "console/article", view);
    }

    @GetMapping(BASE + "/articles/{id}/preview")
    ResponseEntity<String> preview(@PathVariable UUID id, HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        Optional<JsonNode> article = article(id);
        if (article.isEmpty()) {
            return missing(request, user);
        }
        Api.Article a = api.json().treeToValue(article.get(), Api.Article.class);
        String banner = "Preview of the " + article.get().path("status").asString("DRAFT").toLowerCase(Locale.ROOT)
                + " version " + a.version() + ": this is how readers will see it. Not public until it is published.";
        return ResponseEntity.ok().contentType(Pages.HTML).cacheControl(CacheControl.noStore())
                .body(preview.render(a, banner));
    }

    // --- the workflow

    @PostMapping(BASE + "/articles/{id}/schedule")
    ResponseEntity<String> schedule(@PathVariable UUID id, @RequestParam String version, @RequestParam String publishAt,
                                    @RequestParam(defaultValue = "UTC") String zone, HttpServletRequest request,
                                    HttpServletResponse response) {
        Instant when;
        try {
            when = LocalDateTime.parse(publishAt).atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeException e) {
            return console.seeOther(BASE + "/articles/" + id, "Give the publication time as a date and a time.", true,
                    request, response);
        }
        return step(id, version, "/schedule", Map.of("publishAt", when.toString()),
                "Scheduled for " + Console.when(when, ZoneId.of(zone)) + ".", request, response);
    }

    @PostMapping(BASE + "/articles/{id}/unschedule")
    ResponseEntity<String> unschedule(@PathVariable UUID id, @RequestParam String version, HttpServletRequest request,
                                      HttpServletResponse response) {
        var answer = api.send(HttpMethod.DELETE, path("/editor/articles/{id}/schedule", id), null, ifMatch(version));
        return after(id, answer, "Schedule cancelled: the article is a draft again.", request, response);
    }

    @PostMapping(BASE + "/articles/{id}/publish")
    ResponseEntity<String> publish(@PathVariable UUID id, @RequestParam String version, HttpServletRequest request,
                                   HttpServletResponse response) {
        return step(id, version, "/publish", null, "Published: readers can see it now.", request, response);
    }

    @PostMapping(BASE + "/articles/{id}/unpublish")
    ResponseEntity<String> unpublish(@PathVariable UUID id, @RequestParam String version, @RequestParam String reason,
                                     HttpServletRequest request, HttpServletResponse response) {
        return step(id, version, "/unpublish", Map.of("reason", reason), "Taken down: the article's page now says it was withdrawn.",
                request, response);
    }

    @PostMapping(BASE + "/articles/{id}/corrections")
    ResponseEntity<String> correct(@PathVariable UUID id, @RequestParam String version, @RequestParam String text,
                                   HttpServletRequest request, HttpServletResponse response) {
        return step(id, version, "/corrections", Map.of("text", text), "Correction published.", request, response);
    }

    private ResponseEntity<String> step(UUID id, String version, String action, Object body, String done,
                                        HttpServletRequest request, HttpServletResponse response) {
        var answer = api.send(HttpMethod.POST, path("/editor/articles/{id}" + action, id), body == null ? Map.of() : body,
                ifMatch(version));
        return after(id, answer, done, request, response);
    }

    private ResponseEntity<String> after(UUID id, ConsoleApi.Answer answer, String done, HttpServletRequest request,
                                         HttpServletResponse response) {
        String back = BASE + "/articles/" + id;
        return switch (answer.status()) {
            case 200 -> console.seeOther(back, done, false, request, response);
            case 412, 428 -> console.seeOther(back, "Nothing was done: someone changed the article after you opened it. "
                    + "Check the latest version below and try again.", true, request, response);
            case 400, 409 -> console.seeOther(back, detail(answer.problem(), "That is not possible now."), true, request, response);
            case 404 -> console.seeOther(BASE, "That article no longer exists.", true, request, response);
            default -> {
                api.require(answer, "article workflow");
                yield null;
            }
        };
    }

    // --- revision history

    @GetMapping(BASE + "/articles/{id}/revisions")
    ResponseEntity<String> revisions(@PathVariable UUID id, HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        Optional<JsonNode> article = article(id);
        if (article.isEmpty()) {
            return missing(request, user);
        }
        ZoneId zone = zone(article.get().path("dateline").path("timeZone").asString("UTC"));
        List<EditorViews.Revision> rows = new ArrayList<>(items(api.require(
                api.get(path("/editor/articles/{id}/revisions", id)), "revisions")).stream()
                .map(r -> new EditorViews.Revision(r.path("version").asLong(), Console.when(instant(r, "changedAt"), zone),
                        Pages.iso(instant(r, "changedAt")), action(r.path("action").asString()), who(r),
                        String.join(", ", items(r.path("changed")).stream().map(f -> FIELD_LABELS.getOrDefault(f.asString(), f.asString())).toList()),
                        r.path("note").isString() ? r.path("note").asString() : ""))
                .toList());
        java.util.Collections.reverse(rows); // newest first: what an editor checks is the latest change
        return console.page("console/revisions", new EditorViews.Revisions(console.chrome(request, user, "editor"),
                article.get().path("headline").asString(), editUrl(article.get()), rows));
    }

    // --- helpers

    private EditorViews.Edit edit(HttpServletRequest request, OidcUser user, JsonNode article, ArticleForm form,
                                  Map<String, String> errors, EditorViews.Conflict conflict) {
        Console.Chrome chrome = console.chrome(request, user, "editor");
        if (article == null) {
            return new EditorViews.Edit(chrome, "New article", BASE + "/new", form, errors, null, null, "Not saved yet",
                    null, site.sections(), ZONES, EditorViews.Actions.NONE, conflict);
        }
        String status = article.path("status").asString();
        String id = article.path("id").asString();
        ZoneId zone = zone(article.path("dateline").path("timeZone").asString("UTC"));
        String soon = LocalDateTime.now(zone).plusHours(1).truncatedTo(ChronoUnit.HOURS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        var actions = new EditorViews.Actions(status.equals("DRAFT"), status.equals("SCHEDULED"),
                status.equals("DRAFT") || status.equals("SCHEDULED"), status.equals("PUBLISHED"),
                status.equals("PUBLISHED"), soon);
        String publicUrl = status.equals("PUBLISHED") ? Pages.articleUrl(article.path("slug").asString()) : null;
        return new EditorViews.Edit(chrome, article.path("headline").asString(), BASE + "/articles/" + id, form, errors,
                id, status, statusLine(article), publicUrl, site.sections(), ZONES, actions, conflict);
    }

    private static String statusLine(JsonNode a) {
        ZoneId zone = zone(a.path("dateline").path("timeZone").asString("UTC"));
        String version = " · version " + a.path("version").asLong();
        return switch (a.path("status").asString()) {
            case "SCHEDULED" -> "Scheduled for " + Console.when(instant(a, "scheduledFor"), zone) + version;
            case "PUBLISHED" -> "Published " + Console.when(instant(a, "publishedAt"), zone) + version;
            case "UNPUBLISHED" -> "Taken down " + Console.when(instant(a, "unpublishedAt"), zone)
                    + (a.path("unpublishReason").isString() ? ": " + a.path("unpublishReason").asString() : "") + version;
            default -> "Draft, last changed " + Console.when(instant(a, "updatedAt"), zone) + version;
        };
    }

    private Optional<JsonNode> article(UUID id) {
        var answer = api.get(path("/editor/articles/{id}", id));
        return answer.status() == 404 ? Optional.empty() : Optional.of(api.require(answer, "article"));
    }

    private ResponseEntity<String> missing(HttpServletRequest request, OidcUser user) {
        return console.page(HttpStatus.NOT_FOUND, "console/message", new Console.Message(console.chrome(request, user, "editor"),
                "No such article", "There is no article at this address. It may have been deleted, or the link is wrong."));
    }

    static Map<String, String> errors(Api.Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            problem.errors().forEach(e -> errors.merge(ArticleForm.formField(e.field()), e.message(), (a, b) -> a + "; " + b));
            if (errors.isEmpty()) {
                errors.put("form", detail(problem, "The article could not be saved."));
            }
        } else {
            errors.put("form", "The article could not be saved.");
        }
        return errors;
    }

    private static String detail(Api.Problem problem, String fallback) {
        return problem != null && problem.detail() != null ? problem.detail() : fallback;
    }

    private static String who(JsonNode revision) {
        JsonNode name = revision.path("editorName");
        String editor = revision.path("editor").asString("");
        return name.isString() && !name.asString().isBlank() ? name.asString() + " (" + editor + ")" : editor;
    }

    private static String action(String action) {
        String words = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String editUrl(JsonNode article) {
        return BASE + "/articles/" + article.path("id").asString();
    }

    private static String ifMatch(String version) {
        return "\"" + (version == null || !version.matches("\\d{1,18}") ? "0" : version) + "\"";
    }

    private static long parseVersion(String version) {
        return version != null && version.matches("\\d{1,18}") ? Long.parseLong(version) : 0;
    }

    static List<JsonNode> items(JsonNode node) {
        JsonNode items = node.has("items") ? node.path("items") : node;
        return items.isArray() ? StreamSupport.stream(items.spliterator(), false).toList() : List.of();
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        try {
            return value.isString() ? Instant.parse(value.asString()) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
