package io.newsroom.site.console.editor;

import io.newsroom.site.console.Console;
import io.newsroom.site.console.ConsoleApi;
import io.newsroom.site.pages.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.newsroom.site.console.ConsoleApi.path;

/**
 * Must Read: the editors' ordered picks. Every change (add, move up or down, drop) sends the whole list back
 * ({@code PUT /editor/must-read}) built from the list as it is now, so a pick's expiry is kept when it moves.
 */
@Controller
class MustReadConsole {

    static final String PATH = EditorConsole.BASE + "/must-read";

    private final ConsoleApi api;
    private final Console console;
    private final Clock clock;

    MustReadConsole(ConsoleApi api, Console console, Clock clock) {
        this.api = api;
        this.console = console;
        this.clock = clock;
    }

    @GetMapping(PATH)
    ResponseEntity<String> list(HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        List<JsonNode> picks = picks();
        Set<String> picked = new HashSet<>();
        List<EditorViews.Pick> shown = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            JsonNode p = picks.get(i);
            picked.add(p.path("articleId").asString());
            shown.add(new EditorViews.Pick(p.path("articleId").asString(), p.path("headline").asString(),
                    Console.when(Instant.parse(p.path("expiresAt").asString())), i, i == 0, i == picks.size() - 1));
        }
        JsonNode published = api.require(api.get(b -> b.path("/api/v1/editor/articles").queryParam("status", "PUBLISHED")
                .queryParam("limit", 20).build()), "published articles");
        List<EditorViews.Candidate> candidates = EditorConsole.items(published).stream()
                .filter(a -> !picked.contains(a.path("id").asString()))
                .map(a -> new EditorViews.Candidate(a.path("id").asString(), a.path("headline").asString(),
                        Pages.label(a.path("section").asString())))
                .toList();
        return console.page("console/must-read", new EditorViews.MustRead(console.chrome(request, user, "editor"),
                shown, candidates));
    }

    /** @param change {@code up:<id>}, {@code down:<id>}, {@code drop:<id>} or {@code add:<id>} */
    @PostMapping(PATH)
    ResponseEntity<String> change(@RequestParam String change, @RequestParam(defaultValue = "24") int hours,
                                  HttpServletRequest request, HttpServletResponse response) {
        int colon = change.indexOf(':');
        if (colon < 0) {
            return console.seeOther(PATH, "Choose what to change.", true, request, response);
        }
        String op = change.substring(0, colon);
        String id = change.substring(colon + 1);
        var order = new LinkedHashMap<String, String>(); // article id -> expiry
        picks().forEach(p -> order.put(p.path("articleId").asString(), p.path("expiresAt").asString()));
        List<String> ids = new ArrayList<>(order.keySet());
        int at = ids.indexOf(id);
        String done;
        switch (op) {
            case "up" -> {
                if (at > 0) {
                    ids.add(at - 1, ids.remove(at));
                }
                done = "Moved up.";
            }
            case "down" -> {
                if (at >= 0 && at < ids.size() - 1) {
                    ids.add(at + 1, ids.remove(at));
                }
                done = "Moved down.";
            }
            case "drop" -> {
                ids.remove(id);
                done = "Dropped from Must Read.";
            }
            case "add" -> {
                if (at < 0) {
                    ids.add(id);
                    order.put(id, clock.instant().plus(Duration.ofHours(Math.clamp(hours, 1, 24 * 30))).toString());
                }
                done = "Added to Must Read.";
            }
            default -> {
                return console.seeOther(PATH, "Choose what to change.", true, request, response);
            }
        }
        List<Pick> list = ids.stream().map(i -> new Pick(i, order.get(i))).toList();
        var answer = api.send(HttpMethod.PUT, path("/editor/must-read"), Map.of("picks", list), null);
        if (answer.ok()) {
            return console.seeOther(PATH, done, false, request, response);
        }
        if (answer.status() == 400) {
            String detail = answer.problem() == null || answer.problem().errors().isEmpty() ? "the list was refused."
                    : String.join("; ", answer.problem().errors().stream().map(e -> e.message()).toList());
            return console.seeOther(PATH, "Nothing was changed: " + detail, true, request, response);
        }
        api.require(answer, "must read");
        return null;
    }

    /** One entry of {@code PUT /editor/must-read}. */
    record Pick(String articleId, String expiresAt) {
    }

    private List<JsonNode> picks() {
        return EditorConsole.items(api.require(api.get(path("/editor/must-read")), "must read"));
    }
}
