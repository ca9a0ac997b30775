package io.newsroom.site.console.moderation;

import io.newsroom.site.console.Console;
import io.newsroom.site.console.ConsoleApi;
import io.newsroom.site.pages.Pages;
import io.newsroom.site.pages.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.newsroom.site.console.ConsoleApi.path;

/**
 * The moderation console: the held and reported queues with their counts, decisions on one comment or many, an
 * article's comment switches (close, pre-moderate), and blocking an email; all on comment-service's moderation API
 * through the gateway as the signed-in moderator, who is the one its audit trail names.
 */
@Controller
class ModerationConsole {

    static final String BASE = "/console/moderation";
    private static final List<String> QUEUES = List.of("HELD", "REPORTED", "SPAM");
    private static final Map<String, String> LABELS = Map.of("HELD", "Held", "REPORTED", "Reported", "SPAM", "Spam");
    /** Which decisions a moderator may take on a comment in each queue (comment-service's ModerationAction rules). */
    private static final Map<String, List<String>> ACTIONS = Map.of(
            "HELD", List.of("APPROVE", "REJECT", "SPAM"),
            "VISIBLE", List.of("APPROVE", "REMOVE", "SPAM"),
            "SPAM", List.of("APPROVE"));
    private static final List<String> DECISIONS = List.of("APPROVE", "REJECT", "SPAM", "REMOVE");

    private final ConsoleApi api;
    private final Console console;

    ModerationConsole(ConsoleApi api, Console console) {
        this.api = api;
        this.console = console;
    }

    @GetMapping(BASE)
    ResponseEntity<String> queue(@RequestParam(defaultValue = "HELD") String queue, @RequestParam(required = false) UUID articleId,
                                 @RequestParam(required = false) String cursor, HttpServletRequest request,
                                 @AuthenticationPrincipal OidcUser user) {
        String wanted = QUEUES.contains(queue.toUpperCase(Locale.ROOT)) ? queue.toUpperCase(Locale.ROOT) : "HELD";
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode page = null;
        for (String q : QUEUES) {
            JsonNode answer = api.require(api.get(b -> {
                b.path("/api/v1/moderation/queues/{queue}").queryParam("limit", q.equals(wanted) ? 50 : 1);
                if (articleId != null) {
                    b.queryParam("articleId", articleId);
                }
                if (q.equals(wanted) && cursor != null && !cursor.isBlank()) {
                    b.queryParam("cursor", cursor);
                }
                return b.build(q);
            }), "moderation queue");
            counts.put(q, answer.path("total").asLong());
            if (q.equals(wanted)) {
                page = answer;
            }
        }
        List<JsonNode> comments = items(page);
        Map<String, JsonNode> articles = articles(comments.stream().map(c -> c.path("articleId").asString()).distinct().toList());
        String filter = articleId == null ? "" : "&articleId=" + articleId;
        List<Views.Link> tabs = QUEUES.stream().map(q -> new Views.Link(LABELS.get(q) + " (" + counts.get(q) + ")",
                BASE + "?queue=" + q + filter, q.equals(wanted))).toList();
        List<ModerationViews.Row> rows = comments.stream().map(c -> row(c, articles)).toList();
        String next = page.path("nextCursor").isString()
                ? BASE + "?queue=" + wanted + filter + "&cursor=" + Pages.query(page.path("nextCursor").asString()) : null;
        String headline = articleId == null ? null : headline(articleId, articles);
        return console.page("console/moderation", new ModerationViews.Queue(console.chrome(request, user, "moderation"),
                wanted, LABELS.get(wanted) + " comments", tabs, rows, next,
                articleId == null ? null : articleId.toString(), headline, BASE + "?queue=" + wanted + filter));
    }

    private ModerationViews.Row row(JsonNode c, Map<String, JsonNode> articles) {
        String articleId = c.path("articleId").asString();
        JsonNode article = articles.get(articleId);
        String status = c.path("status").asString();
        Instant posted = instant(c.path("postedAt"));
        return new ModerationViews.Row(c.path("id").asString(), c.path("authorName").asString(),
                c.path("authorEmail").asString(), Console.when(posted), Pages.iso(posted), c.path("body").asString(),
                status, c.path("statusReason").isString() ? c.path("statusReason").asString() : "",
                c.path("reportCount").asInt(), article == null ? "Article " + articleId : article.path("headline").asString(),
                article == null ? null : Pages.articleUrl(article.path("slug").asString()),
                BASE + "/articles/" + articleId, ACTIONS.getOrDefault(status, List.of()));
    }

    /**
     * One form for the whole queue: a row's own button sends {@code decide=ACTION:id}; the bulk buttons send
     * {@code bulk=ACTION} with the ticked {@code ids}.
     */
    @PostMapping(BASE + "/decisions")
    ResponseEntity<String> decide(@RequestParam(required = false) String decide, @RequestParam(required = false) String bulk,
                                  @RequestParam(required = false) List<String> ids, @RequestParam(required = false) String reason,
                                  @RequestParam(defaultValue = BASE) String returnTo, HttpServletRequest request,
                                  HttpServletResponse response) {
        String back = returnTo.startsWith(BASE) && !returnTo.startsWith("//") ? returnTo : BASE;
        Map<String, Object> body = new HashMap<>();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        ConsoleApi.Answer answer;
        String done;
        if (decide != null && decide.contains(":")) {
            String action = decide.substring(0, decide.indexOf(':'));
            UUID id = uuid(decide.substring(decide.indexOf(':') + 1));
            if (!DECISIONS.contains(action) || id == null) {
                return console.seeOther(back, "That decision is not known.", true, request, response);
            }
            body.put("action", action);
            body.put("reason", why);
            answer = api.send(HttpMethod.POST, path("/moderation/comments/{id}/decisions", id), body, null);
            done = "Comment " + past(action) + ".";
        } else if (bulk != null && DECISIONS.contains(bulk)) {
            List<UUID> chosen = ids == null ? List.of() : ids.stream().map(ModerationConsole::uuid).filter(java.util.Objects::nonNull).toList();
            if (chosen.isEmpty()) {
                return console.seeOther(back, "Tick the comments to " + bulk.toLowerCase(Locale.ROOT) + " first.", true, request, response);
            }
            body.put("commentIds", chosen);
            body.put("action", bulk);
            body.put("reason", why);
            answer = api.send(HttpMethod.POST, path("/moderation/decisions"), body, null);
            done = chosen.size() + (chosen.size() == 1 ? " comment " : " comments ") + past(bulk) + ".";
        } else {
            return console.seeOther(back, "Choose a decision.", true, request, response);
        }
        if (answer.ok()) {
            return console.seeOther(back, done, false, request, response);
        }
        if (answer.status() == 400 || answer.status() == 404 || answer.status() == 409) {
            String detail = answer.problem() != null && answer.problem().detail() != null ? answer.problem().detail()
                    : "That decision does not apply to the comment any more.";
            if (answer.problem() != null && !answer.problem().errors().isEmpty()) {
                detail = detail + " (" + String.join("; ", answer.problem().errors().stream().map(e -> e.message()).toList()) + ")";
            }
            return console.seeOther(back, "Nothing was changed: " + detail, true, request, response);
        }
        api.require(answer, "moderation decision");
        return null;
    }

    // --- an article's comments

    @GetMapping(BASE + "/articles")
    ResponseEntity<String> find(@RequestParam String slug, HttpServletRequest request, HttpServletResponse response) {
        String s = slug.strip();
        int cut = s.lastIndexOf('/');
        s = cut >= 0 ? s.substring(cut + 1) : s;
        if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*") || s.length() > 100) {
            return console.seeOther(BASE, "Give the article's address, e.g. /articles/its-slug.", true, request, response);
        }
        var answer = api.get(path("/articles/{slug}", s));
        if (!answer.ok()) {
            return console.seeOther(BASE, "No published article at that address.", true, request, response);
        }
        return console.seeOther(BASE + "/articles/" + answer.body().path("id").asString(), null, false, request, response);
    }

    @GetMapping(BASE + "/articles/{articleId}")
    ResponseEntity<String> article(@PathVariable UUID articleId, HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        Map<String, JsonNode> found = articles(List.of(articleId.toString()));
        JsonNode article = found.get(articleId.toString());
        return console.page("console/moderation-article", new ModerationViews.Article(console.chrome(request, user, "moderation"),
                articleId.toString(), headline(articleId, found),
                article == null ? null : Pages.articleUrl(article.path("slug").asString()),
                BASE + "?queue=HELD&articleId=" + articleId));
    }

    @PostMapping(BASE + "/articles/{articleId}/comments-open")
    ResponseEntity<String> commentsOpen(@PathVariable UUID articleId, @RequestParam boolean open,
                                        @RequestParam(required = false) String reason, HttpServletRequest request,
                                        HttpServletResponse response) {
        Map<String, Object> body = new HashMap<>();
        body.put("open", open);
        body.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        var answer = api.send(HttpMethod.PUT, path("/moderation/articles/{id}/comments-open", articleId), body, null);
        return switched(articleId, answer, open ? "Comments are open on this article." : "Comments are closed on this article.",
                request, response);
    }

    @PostMapping(BASE + "/articles/{articleId}/policy")
    ResponseEntity<String> policy(@PathVariable UUID articleId, @RequestParam String policy, HttpServletRequest request,
                                  HttpServletResponse response) {
        String chosen = switch (policy) {
            case "PRE", "POST" -> policy;
            default -> null;
        };
        Map<String, Object> body = new HashMap<>();
        body.put("policy", chosen);
        var answer = api.send(HttpMethod.PUT, path("/moderation/articles/{id}/moderation-policy", articleId), body, null);
        String done = chosen == null ? "The article follows the site's moderation policy again."
                : chosen.equals("PRE") ? "Pre-moderation is on: every new comment waits for a moderator."
                : "Post-moderation: comments show at once unless a rule holds them.";
        return switched(articleId, answer, done, request, response);
    }

    private ResponseEntity<String> switched(UUID articleId, ConsoleApi.Answer answer, String done, HttpServletRequest request,
                                            HttpServletResponse response) {
        String back = BASE + "/articles/" + articleId;
        if (answer.ok()) {
            return console.seeOther(back, done, false, request, response);
        }
        if (answer.status() == 404) {
            return console.seeOther(back, "Comment settings are not possible: the comments service does not know this article.",
                    true, request, response);
        }
        if (answer.status() == 400) {
            return console.seeOther(back, "Nothing was changed: " + (answer.problem() != null && answer.problem().detail() != null
                    ? answer.problem().detail() : "check the form."), true, request, response);
        }
        api.require(answer, "comment settings");
        return null;
    }

    @PostMapping(BASE + "/blocked-emails")
    ResponseEntity<String> block(@RequestParam String email, @RequestParam String reason,
                                 @RequestParam(defaultValue = BASE) String returnTo, HttpServletRequest request,
                                 HttpServletResponse response) {
        String back = returnTo.startsWith(BASE) && !returnTo.startsWith("//") ? returnTo : BASE;
        var answer = api.send(HttpMethod.POST, path("/moderation/blocked-emails"), Map.of("email", email.strip(), "reason", reason), null);
        if (answer.ok()) {
            return console.seeOther(back, "Blocked: comments from " + email.strip() + " now go straight to spam.", false,
                    request, response);
        }
        if (answer.status() == 400) {
            String detail = answer.problem() == null || answer.problem().errors().isEmpty()
                    ? "give an email address and a reason."
                    : String.join("; ", answer.problem().errors().stream().map(e -> e.field() + " " + e.message()).toList());
            return console.seeOther(back, "Not blocked: " + detail, true, request, response);
        }
        api.require(answer, "block email");
        return null;
    }

    // --- helpers

    /** Published articles by id (the public batch lookup); an unpublished one is simply missing. */
    private Map<String, JsonNode> articles(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var answer = api.get(b -> b.path("/api/v1/articles/lookup").queryParam("ids", String.join(",", ids)).build());
        Map<String, JsonNode> byId = new HashMap<>();
        if (answer.ok()) {
            items(answer.body()).forEach(a -> byId.put(a.path("id").asString(), a));
        }
        return byId;
    }

    private static String headline(UUID articleId, Map<String, JsonNode> articles) {
        JsonNode a = articles.get(articleId.toString());
        return a == null ? "Article " + articleId : a.path("headline").asString();
    }

    private static String past(String action) {
        return switch (action) {
            case "APPROVE" -> "approved";
            case "REJECT" -> "rejected";
            case "SPAM" -> "marked as spam";
            case "REMOVE" -> "removed";
            default -> action.toLowerCase(Locale.ROOT);
        };
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<JsonNode> items(JsonNode node) {
        JsonNode items = node == null ? null : node.path("items");
        return items != null && items.isArray() ? StreamSupport.stream(items.spliterator(), false).toList() : new ArrayList<>();
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isString() ? Instant.parse(value.asString()) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
