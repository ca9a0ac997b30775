package io.newsroom.site;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consoles against a canned API (StubGateway) and an OIDC provider on loopback (StubProvider): the whole
 * sign-in (authorization code + PKCE, ID token validation), the token relay to the gateway, roles, CSRF, the
 * session cookie, and what each editor and moderator page does with the API's answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "management.server.port=-1")
class ConsoleTest {

    @RegisterExtension
    static final StubGateway STUB = new StubGateway(0);
    static final StubProvider PROVIDER = new StubProvider();
    static final int PORT = freePort();
    static final String SITE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("newsroom.site.gateway-url", STUB::url);
        registry.add("newsroom.site.public-url", () -> SITE);
        registry.add("spring.security.oauth2.client.provider.newsroom.authorization-uri", () -> PROVIDER.url() + "/oauth2/authorize");
        registry.add("spring.security.oauth2.client.provider.newsroom.token-uri", () -> PROVIDER.url() + "/oauth2/token");
        registry.add("spring.security.oauth2.client.provider.newsroom.jwk-set-uri", () -> PROVIDER.url() + "/oauth2/jwks");
        registry.add("spring.security.oauth2.client.provider.newsroom.user-info-uri", () -> PROVIDER.url() + "/userinfo");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    HttpTestClient browser;

    @BeforeEach
    void freshBrowser() {
        browser = HttpTestClient.to(SITE).withCookies();
        STUB.seen.clear();
    }

    @Test
    void aSignedOutPersonReachingAConsoleIsSentToSignInWithPkce() throws Exception {
        var console = get("/console/editor");
        assertThat(console.status()).isEqualTo(302);
        assertThat(location(console)).isEqualTo("/oauth2/authorization/newsroom");
        var start = get(location(console));
        assertThat(start.status()).isEqualTo(302);
        assertThat(location(start)).startsWith(PROVIDER.url() + "/oauth2/authorize?")
                .contains("client_id=newsroom-web", "code_challenge_method=S256", "code_challenge=", "nonce=",
                        "redirect_uri=" + SITE + "/login/oauth2/code/newsroom");
        assertThat(STUB.seen).noneMatch(s -> s.uri().contains("/editor"));
    }

    @Test
    void anEditorSignsInAndTheDeskIsFetchedWithHerOwnToken() throws Exception {
        var desk = signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor");
        assertThat(desk.status()).isEqualTo(200);
        Document page = Jsoup.parse(desk.body());
        assertThat(page.select("[data-person]").text()).isEqualTo("Rosa Lindqvist");
        assertThat(page.select("table.desk a").text()).contains("Lighthouse keepers vote to stay");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(desk.header("Cache-Control")).contains("no-store");
        assertThat(desk.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        var call = STUB.seen.stream().filter(s -> s.uri().startsWith("/api/v1/editor/articles?")).findFirst().orElseThrow();
        assertThat(call.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.get("rosa"));
        // her roles decide the navigation: the editor's desks, not the moderator's
        assertThat(page.select("a[href='/console/editor']")).hasSize(1);
        assertThat(page.select("a[href='/console/editor/must-read']")).hasSize(1);
        assertThat(page.select("a[href='/console/moderation']")).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotCalledJsessionid() throws Exception {
        var console = get("/console/editor");
        var start = get(location(console));
        String setCookie = start.headers("Set-Cookie").stream().filter(c -> c.startsWith("NEWSROOM_CONSOLE="))
                .findFirst().orElseGet(() -> console.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("NEWSROOM_CONSOLE=")).findFirst().orElseThrow());
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // the test site is on localhost, where there is no TLS; anywhere else the cookie is Secure
        assertThat(setCookie).doesNotContain("Secure");
    }

    @Test
    void aModeratorOnTheEditorConsoleGetsA403PageNotAStackTrace() throws Exception {
        var page = signIn(new StubProvider.Person("maya", "Maya Okafor", List.of("MODERATOR")), "/console/editor");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Not your desk");
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at io.newsroom");
        assertThat(STUB.seen).noneMatch(s -> s.uri().contains("/editor"));
    }

    @Test
    void aNewDraftWithProblemsComesBackWithTheTextKeptAndASentenceNextToEachField() throws Exception {
        signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor/new");
        Document form = Jsoup.parse(get("/console/editor/new").body());
        var answer = post("/console/editor/new", kv("_csrf", csrf(form), "headline", "", "body", "<p>My careful words.</p>",
                "place", "Oslo", "timeZone", "Mars/Olympus", "byline", "Amina Said", "section", "world", "tags", "a, b"));
        assertThat(answer.status()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#f-body").text()).isEqualTo("<p>My careful words.</p>");
        assertThat(page.select("#f-headline-error").text()).isEqualTo("must not be blank");
        assertThat(page.select("#f-timeZone-error").text()).isEqualTo("must be a time zone");
        assertThat(page.select("#f-headline").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aDraftIsCreatedWithTheCopyTheApiExpects() throws Exception {
        signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor/new");
        Document form = Jsoup.parse(get("/console/editor/new").body());
        var answer = post("/console/editor/new", kv("_csrf", csrf(form), "headline", "Keepers stay", "body", "<p>Words.</p>",
                "place", "Oslo", "timeZone", "Europe/Oslo", "byline", "Amina Said, Tom O'Hara", "section", "world",
                "tags", "Lighthouses, Islands", "heroUrl", "https://example.org/a.jpg", "heroAlt", "A lighthouse", "comments", "open"));
        assertThat(answer.status()).isEqualTo(303);
        assertThat(location(answer)).isEqualTo("/console/editor/articles/" + StubGateway.DRAFT_ID);
        String sent = STUB.seen.stream().filter(s -> s.method().equals("POST")).findFirst().orElseThrow().body();
        assertThat(sent).contains("\"byline\":[{\"name\":\"Amina Said\"},{\"name\":\"Tom O'Hara\"}]")
                .contains("\"tags\":[\"Lighthouses\",\"Islands\"]")
                .contains("\"dateline\":{\"place\":\"Oslo\",\"timeZone\":\"Europe/Oslo\"}")
                .contains("\"heroImage\":{\"url\":\"https://example.org/a.jpg\",\"altText\":\"A lighthouse\"");
        // the notice survives the redirect
        assertThat(Jsoup.parse(get(location(answer)).body()).select(".notice").text()).isEqualTo("Draft saved.");
    }

    @Test
    void aSaveOnAStaleVersionShowsWhoChangedWhatAndKeepsTheEditorsText() throws Exception {
        signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor");
        Document form = Jsoup.parse(get("/console/editor/articles/" + StubGateway.DRAFT_ID).body());
        var answer = post("/console/editor/articles/" + StubGateway.DRAFT_ID, kv("_csrf", csrf(form), "version", "1",
                "headline", "My headline", "body", "<p>My paragraph that must not be lost.</p>", "place", "Oslo",
                "timeZone", "Europe/Oslo", "byline", "Amina Said", "section", "world", "tags", "lighthouses"));
        assertThat(answer.status()).isEqualTo(409);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select(".conflict").text()).contains("Tomás Ferreira (tomas) saved this article after you opened it")
                .contains("Their headline").contains("Lighthouse keepers vote to stay").contains("Their body");
        assertThat(page.select("#f-headline").val()).isEqualTo("My headline");
        assertThat(page.select("#f-body").text()).isEqualTo("<p>My paragraph that must not be lost.</p>");
        // saving again is on top of the version now current, knowingly
        assertThat(page.select(".article-form input[name=version]").val()).isEqualTo("2");
        assertThat(STUB.seen.stream().filter(s -> s.method().equals("PUT")).findFirst().orElseThrow().ifMatch()).isEqualTo("\"1\"");
    }

    @Test
    void publishSendsTheOpenedVersionAndAStaleOneSaysNothingWasDone() throws Exception {
        signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor");
        Document form = Jsoup.parse(get("/console/editor/articles/" + StubGateway.DRAFT_ID).body());
        var published = post("/console/editor/articles/" + StubGateway.DRAFT_ID + "/publish", kv("_csrf", csrf(form), "version", "2"));
        assertThat(published.status()).isEqualTo(303);
        assertThat(Jsoup.parse(get(location(published)).body()).select(".notice").text()).contains("Published");
        var stale = post("/console/editor/articles/" + StubGateway.DRAFT_ID + "/schedule",
                kv("_csrf", csrf(form), "version", "1", "publishAt", "2030-01-01T09:00:00", "zone", "Europe/Oslo"));
        assertThat(Jsoup.parse(get(location(stale)).body()).select(".notice.problem").text()).contains("Nothing was done");
        assertThat(STUB.seen.stream().filter(s -> s.uri().endsWith("/schedule")).findFirst().orElseThrow().body())
                .isEqualTo("{\"publishAt\":\"2030-01-01T08:00:00Z\"}");
    }

    @Test
    void aCorrectionAndATakeDownSendTheirTextWithTheOpenedVersion() throws Exception {
        signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor");
        Document form = Jsoup.parse(get("/console/editor/articles/" + StubGateway.DRAFT_ID).body());
        var corrected = post("/console/editor/articles/" + StubGateway.DRAFT_ID + "/corrections",
                kv("_csrf", csrf(form), "version", "2", "text", "An earlier version misspelt the harbour."));
        assertThat(Jsoup.parse(get(location(corrected)).body()).select(".notice").text()).isEqualTo("Correction published.");
        var down = post("/console/editor/articles/" + StubGateway.DRAFT_ID + "/unpublish",
                kv("_csrf", csrf(form), "version", "2", "reason", "Legal review"));
        assertThat(location(down)).isEqualTo("/console/editor/articles/" + StubGateway.DRAFT_ID);
        var calls = STUB.seen.stream().filter(s -> s.method().equals("POST")).toList();
        assertThat(calls).extracting(StubGateway.Seen::body)
                .containsExactly("{\"text\":\"An earlier version misspelt the harbour.\"}", "{\"reason\":\"Legal review\"}");
        assertThat(calls).allSatisfy(c -> assertThat(c.ifMatch()).isEqualTo("\"2\""));
    }

    @Test
    void signingOutEndsTheConsoleSession() throws Exception {
        var desk = signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor");
        var out = post("/logout", kv("_csrf", csrf(Jsoup.parse(desk.body()))));
        assertThat(out.status()).isEqualTo(302);
        assertThat(location(out)).isEqualTo("/");
        var again = get("/console/editor");
        assertThat(again.status()).isEqualTo(302);
        assertThat(location(again)).isEqualTo("/oauth2/authorization/newsroom");
    }

    @Test
    void theConsoleHomeOpensTheDeskOfThePersonsRole() throws Exception {
        signIn(new StubProvider.Person("maya", "Maya Okafor", List.of("MODERATOR")), "/console/moderation");
        var home = get("/console");
        assertThat(home.status()).isEqualTo(303);
        assertThat(location(home)).isEqualTo("/console/moderation");
    }

    @Test
    void thePreviewIsTheReaderPageSanitizedAndMarkedAsAPreview() throws Exception {
        var preview = signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")),
                "/console/editor/articles/" + StubGateway.DRAFT_ID + "/preview");
        Document page = Jsoup.parse(preview.body());
        assertThat(page.select("h1").text()).isEqualTo("Lighthouse keepers vote to stay");
        assertThat(page.select(".preview-banner").text()).contains("Preview");
        assertThat(page.select(".body p").text()).isEqualTo("Their body text.");
        assertThat(page.select(".body script")).isEmpty();
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        // a draft is shown as if published now: the dateline has its local time, as readers will first see it
        assertThat(page.select(".local-time").text()).matches("\\d\\d:\\d\\d .+ local time");
    }

    @Test
    void theRevisionHistoryNamesThePeople() throws Exception {
        var history = signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")),
                "/console/editor/articles/" + StubGateway.DRAFT_ID + "/revisions");
        var who = Jsoup.parse(history.body()).select("td.who").eachText();
        assertThat(who).containsExactly("Tomás Ferreira (tomas)", "rosa");
    }

    @Test
    void mustReadIsReorderedAndExtendedByPuttingTheWholeListBackWithItsExpiries() throws Exception {
        var list = signIn(new StubProvider.Person("rosa", "Rosa Lindqvist", List.of("EDITOR")), "/console/editor/must-read");
        Document page = Jsoup.parse(list.body());
        assertThat(page.select("li[data-pick] strong").eachText()).containsExactly("Israel Rebuffs Calls for Ceasefire", "UN Security Council meets");
        assertThat(page.select("li[data-candidate]").text()).contains("Lighthouse keepers vote to stay");

        var up = post("/console/editor/must-read", kv("_csrf", csrf(page), "change", "up:3f1c2a9e-0000-4000-8000-000000000003"));
        assertThat(Jsoup.parse(get(location(up)).body()).select(".notice").text()).isEqualTo("Moved up.");
        assertThat(STUB.seen.stream().filter(s -> s.method().equals("PUT")).reduce((a, b) -> b).orElseThrow().body())
                .isEqualTo("{\"picks\":[{\"articleId\":\"3f1c2a9e-0000-4000-8000-000000000003\",\"expiresAt\":\"2030-02-01T00:00:00Z\"},"
                        + "{\"articleId\":\"" + StubGateway.ARTICLE_ID + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}]}");

        post("/console/editor/must-read", kv("_csrf", csrf(page), "change", "add:" + StubGateway.DRAFT_ID, "hours", "12"));
        String added = STUB.seen.stream().filter(s -> s.method().equals("PUT")).reduce((a, b) -> b).orElseThrow().body();
        var picks = tools.jackson.databind.json.JsonMapper.builder().build().readTree(added).get("picks");
        assertThat(picks).hasSize(3);
        assertThat(picks.get(2).get("articleId").asString()).isEqualTo(StubGateway.DRAFT_ID);
        assertThat(java.time.Instant.parse(picks.get(2).get("expiresAt").asString()))
                .isBetween(java.time.Instant.now().plusSeconds(12 * 3600 - 120), java.time.Instant.now().plusSeconds(12 * 3600 + 60));
    }

    @Test
    void aModeratorSeesTheQueuesWithCountsAndEmailsAndDecidesOneOrMany() throws Exception {
        var queue = signIn(new StubProvider.Person("maya", "Maya Okafor", List.of("MODERATOR")), "/console/moderation");
        Document page = Jsoup.parse(queue.body());
        assertThat(page.select("[data-queue-tab]").eachText()).containsExactly("Held (2)", "Reported (1)", "Spam (0)");
        assertThat(page.select("tr[data-comment]")).hasSize(2);
        assertThat(page.text()).contains("dana@example.org");
        // the comment's text is text, not markup
        assertThat(page.select(".comment-body").first().text()).isEqualTo("A fair point, <b>mostly</b>.");

        var one = post("/console/moderation/decisions", kv("_csrf", csrf(page), "decide", "APPROVE:" + StubGateway.HELD_ID,
                "returnTo", "/console/moderation?queue=HELD"));
        assertThat(location(one)).isEqualTo("/console/moderation?queue=HELD");
        assertThat(Jsoup.parse(get(location(one)).body()).select(".notice").text()).isEqualTo("Comment approved.");
        assertThat(STUB.seen).anyMatch(s -> s.uri().equals("/api/v1/moderation/comments/" + StubGateway.HELD_ID + "/decisions")
                && s.body().contains("\"action\":\"APPROVE\"") && s.authorization().equals("Bearer " + PROVIDER.accessTokens.get("maya")));

        var many = post("/console/moderation/decisions", List.of(Map.entry("_csrf", csrf(page)), Map.entry("bulk", "SPAM"),
                Map.entry("ids", StubGateway.HELD_ID), Map.entry("ids", StubGateway.HELD_ID_2)));
        assertThat(Jsoup.parse(get(location(many)).body()).select(".notice").text()).isEqualTo("2 comments marked as spam.");
        assertThat(STUB.seen.stream().filter(s -> s.uri().equals("/api/v1/moderation/decisions")).findFirst().orElseThrow().body())
                .contains(StubGateway.HELD_ID).contains(StubGateway.HELD_ID_2).contains("\"action\":\"SPAM\"");
    }

    @Test
    void aModeratorClosesCommentsAndBlocksAnEmail() throws Exception {
        var settings = signIn(new StubProvider.Person("maya", "Maya Okafor", List.of("MODERATOR")),
                "/console/moderation/articles/" + StubGateway.ARTICLE_ID);
        Document page = Jsoup.parse(settings.body());
        assertThat(page.select(".subhead").text()).contains("Israel Rebuffs Calls for Ceasefire");
        var closed = post("/console/moderation/articles/" + StubGateway.ARTICLE_ID + "/comments-open",
                kv("_csrf", csrf(page), "open", "false", "reason", "Legal advice"));
        assertThat(Jsoup.parse(get(location(closed)).body()).select(".notice").text()).isEqualTo("Comments are closed on this article.");
        assertThat(STUB.seen).anyMatch(s -> s.method().equals("PUT") && s.uri().endsWith("/comments-open")
                && s.body().contains("\"open\":false"));
        var pre = post("/console/moderation/articles/" + StubGateway.ARTICLE_ID + "/policy", kv("_csrf", csrf(page), "policy", "PRE"));
        assertThat(Jsoup.parse(get(location(pre)).body()).select(".notice").text()).startsWith("Pre-moderation is on");
        var blocked = post("/console/moderation/blocked-emails", kv("_csrf", csrf(page), "email", "spam@example.net", "reason", "spam"));
        assertThat(Jsoup.parse(get(location(blocked)).body()).select(".notice").text()).contains("spam@example.net");
    }

    @Test
    void aConsoleFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        signIn(new StubProvider.Person("maya", "Maya Okafor", List.of("MODERATOR")), "/console/moderation");
        var answer = post("/console/moderation/decisions", kv("bulk", "SPAM", "ids", StubGateway.HELD_ID));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Please reload the page");
        assertThat(STUB.seen).noneMatch(s -> s.uri().contains("/decisions"));
    }

    @Test
    void readerPagesShowNoConsoleControlsEvenToASignedInEditor() throws Exception {
        signIn(new StubProvider.Person("sam", "Sam Achebe", List.of("EDITOR", "MODERATOR", "ADMIN")), "/console/editor");
        for (String path : List.of("/", "/articles/" + StubGateway.SLUG, "/search?q=ceasefire")) {
            var page = get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("/console").doesNotContain("Sign out").doesNotContain("Sam Achebe");
            assertThat(page.headers("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("NEWSROOM_CONSOLE"));
        }
    }

    // --- the browser's part of the sign-in

    /** Opens a console page signed out and follows the redirects of the sign-in back to it, as a browser does. */
    private HttpTestResponse signIn(StubProvider.Person person, String path) {
        PROVIDER.next = person;
        var response = get(path);
        for (int hops = 0; response.status() == 302 && hops < 6; hops++) {
            response = get(location(response));
        }
        return response;
    }

    private HttpTestResponse get(String pathOrUrl) {
        return browser.get(pathOrUrl, "Accept", "text/html");
    }

    private static List<Map.Entry<String, String>> kv(String... pairs) {
        var entries = new java.util.ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return entries;
    }

    private HttpTestResponse post(String path, List<Map.Entry<String, String>> form) {
        return browser.request("POST", path).header("Accept", "text/html")
                .form(form.stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new))
                .send();
    }

    private static String location(HttpTestResponse response) {
        String location = response.header("Location");
        if (location == null) {
            throw new AssertionError("no Location, status " + response.status());
        }
        return location.startsWith(SITE) ? location.substring(SITE.length()) : location;
    }

    private static String csrf(Document page) {
        return page.select("input[name=_csrf]").first().val();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
