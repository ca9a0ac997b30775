package io.newsroom.article;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API contract of issue 11 as this service keeps it: gateway URLs in {@code Location}, one list
 * envelope, plain-text fields, a 400 problem (never a 5xx) for odd input, HEAD like GET, and an OpenAPI
 * operation with id, summary and its real responses for every route.
 */
@ArticleServiceTest
class PublicApiIT {

    /** What the gateway sends (service-edge applies it from loopback, a trusted proxy). */
    private static final String[] THROUGH_GATEWAY = {
            "X-Forwarded-Proto", "http", "X-Forwarded-Host", "news.example", "X-Forwarded-Prefix", "/api/v1",
            "X-Forwarded-For", "198.51.100.7"};

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private HttpTestResponse draft(Map<String, Object> copy, String... headers) {
        var all = new ArrayList<>(List.of("Authorization", "Bearer " + Api.editorToken("alice")));
        all.addAll(List.of(headers));
        return api.send("POST", "/editor/articles", copy, all.toArray(String[]::new));
    }

    private HttpTestResponse published(String headline) {
        HttpTestResponse draft = api.edit("POST", "/editor/articles", Drafts.copy(headline), "alice", null);
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        HttpTestResponse published = api.edit("POST", "/editor/articles/" + draft.json().get("id").asString() + "/publish",
                null, "alice", draft.header("ETag"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published;
    }

    // --- defect 2: every Location is a gateway URL -------------------------------------------------------

    @Test
    void theOldSlugRedirectGoesToTheCurrentSlugOnTheService() {
        String oldSlug = renamedArticle();
        HttpTestResponse redirect = api.get("/articles/" + oldSlug.split(" ")[0]);
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(URI.create(redirect.header("Location")).getPath()).isEqualTo("/articles/" + oldSlug.split(" ")[1]);
    }

    @Test
    void theOldSlugRedirectIsAGatewayUrl() {
        String slugs = renamedArticle();
        HttpTestResponse redirect = api.get("/articles/" + slugs.split(" ")[0], THROUGH_GATEWAY);
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo("http://news.example/api/v1/articles/" + slugs.split(" ")[1]);
    }

    @Test
    void aNewDraftsLocationIsItsUrl() {
        HttpTestResponse created = draft(Drafts.copy("Located " + UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(URI.create(created.header("Location")).getPath())
                .isEqualTo("/editor/articles/" + created.json().get("id").asString());
    }

    @Test
    void aNewDraftsLocationIsAGatewayUrl() {
        HttpTestResponse created = draft(Drafts.copy("Located " + UUID.randomUUID()), THROUGH_GATEWAY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location"))
                .isEqualTo("http://news.example/api/v1/editor/articles/" + created.json().get("id").asString());
    }

    /** "old new": a published article renamed once. */
    private String renamedArticle() {
        HttpTestResponse published = published("Before the rename " + UUID.randomUUID());
        String oldSlug = published.json().get("slug").asString();
        var copy = Drafts.copy("After the rename");
        String newSlug = "after-" + UUID.randomUUID();
        copy.put("slug", newSlug);
        HttpTestResponse renamed = api.edit("PUT", "/editor/articles/" + published.json().get("id").asString(), copy, "alice",
                published.header("ETag"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        return oldSlug + " " + newSlug;
    }

    // --- one envelope --------------------------------------------------------------------------------------

    @Test
    void everyListIsItemsAndNextCursor() {
        HttpTestResponse published = published("Enveloped " + UUID.randomUUID());
        String id = published.json().get("id").asString();
        for (String path : List.of("/articles?limit=1", "/articles/must-read", "/articles/lookup?ids=" + id)) {
            assertEnvelope(api.get(path));
        }
        assertEnvelope(api.edit("GET", "/editor/articles?limit=1", null, "alice", null));
        assertEnvelope(api.edit("GET", "/editor/articles/" + id + "/revisions", null, "alice", null));
    }

    @Test
    void theDeskPagesWithACursor() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(draft(Drafts.copy("Desk " + i + " " + UUID.randomUUID())).json().get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpTestResponse page = api.edit("GET", "/editor/articles?status=DRAFT&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, "alice", null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            page.json().get("items").forEach(a -> seen.add(a.get("id").asString()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
    }

    private static void assertEnvelope(HttpTestResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.propertyNames()).containsExactly("items", "nextCursor");
        assertThat(json.get("items").isArray()).isTrue();
    }

    // --- defect 3: bad input is a 400 problem, never a 5xx -------------------------------------------------

    @Test
    void oddLatestNewsParametersAre400() {
        String farCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("9000000000000000000|" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        String pastCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("-9000000000000000000|" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        for (String query : List.of("section=%00", "tag=%00", "author=%00", "section=gossip", "section=",
                "tag=" + "t".repeat(61), "tag=%3Cscript%3E", "author=Not%20A%20Slug", "author=" + "a".repeat(101),
                "limit=99999999999", "limit=-1", "limit=x", "cursor=" + farCursor, "cursor=" + pastCursor,
                "cursor=%00", "cursor=" + "A".repeat(300), "cursor=fHw")) {
            assertBadRequest(api.get("/articles?" + query), query);
        }
    }

    @Test
    void oddLookupIdsAre400() {
        for (String query : List.of("ids=%00", "ids=", "ids=not-a-uuid",
                "ids=" + String.join(",", java.util.Collections.nCopies(101, UUID.randomUUID().toString())))) {
            assertBadRequest(api.get("/articles/lookup?" + query), query);
        }
        assertBadRequest(api.get("/articles/lookup"), "no ids");
    }

    @Test
    void controlCharactersInTheCopyAre400() {
        for (String field : List.of("headline", "standfirst", "body")) {
            var copy = Drafts.copy("NUL " + UUID.randomUUID());
            copy.put(field, "nul\u0000byte");
            HttpTestResponse refused = draft(copy);
            assertBadRequest(refused, field);
        }
        var copy = Drafts.copy("NUL tag " + UUID.randomUUID());
        copy.put("tags", List.of("nul\u0000tag"));
        assertBadRequest(draft(copy), "tags");
    }

    @Test
    void farDatesAre400() {
        HttpTestResponse draft = draft(Drafts.copy("Far future " + UUID.randomUUID()));
        String path = "/editor/articles/" + draft.json().get("id").asString() + "/schedule";
        for (String when : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                Instant.now().plusSeconds(11L * 366 * 24 * 3600).toString())) {
            HttpTestResponse refused = api.edit("POST", path, Map.of("publishAt", when), "alice", draft.header("ETag"));
            assertBadRequest(refused, when);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("publishAt");
        }
        for (String bad : List.of("\"tomorrow\"", "null", "[]", "{}", "\"-999999999-01-01T00:00:00Z\"")) {
            HttpTestResponse refused = api.send("POST", path, "{\"publishAt\":" + bad + "}",
                    "Authorization", "Bearer " + Api.editorToken("alice"), "If-Match", draft.header("ETag"));
            assertBadRequest(refused, bad);
        }
        HttpTestResponse scheduled = api.edit("POST", path, Map.of("publishAt", Instant.now().plusSeconds(3600).toString()),
                "alice", draft.header("ETag"));
        assertThat(scheduled.status()).as("nothing was half-written: %s", scheduled).isEqualTo(200);

        HttpTestResponse pick = published("Far pick " + UUID.randomUUID());
        HttpTestResponse refused = api.edit("PUT", "/editor/must-read", Map.of("picks", List.of(Map.of(
                "articleId", pick.json().get("id").asString(), "expiresAt", "+999999999-12-31T23:59:59Z"))), "alice", null);
        assertBadRequest(refused, "far expiry");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("picks[0].expiresAt");
    }

    @Test
    void oddDeskParametersAre400() {
        for (String query : List.of("status=BOGUS", "limit=0", "limit=201", "limit=99999999999",
                "cursor=nope", "cursor=%00")) {
            assertBadRequest(api.edit("GET", "/editor/articles?" + query, null, "alice", null), query);
        }
        assertBadRequest(api.edit("GET", "/editor/articles/not-a-uuid", null, "alice", null), "id");
        assertBadRequest(api.edit("GET", "/editor/articles/x/revisions", null, "alice", null), "revisions of a non-uuid");
    }

    private static void assertBadRequest(HttpTestResponse response, String what) {
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
    }

    // --- defect 8: plain text ------------------------------------------------------------------------------

    @Test
    void plainTextFieldsRefuseMarkup() {
        Map<String, java.util.function.Consumer<Map<String, Object>>> markup = Map.of(
                "headline", c -> c.put("headline", "<script>alert(1)</script>"),
                "standfirst", c -> c.put("standfirst", "<b>bold</b> claim"),
                "dateline.place", c -> c.put("dateline", Map.of("place", "<i>Jerusalem</i>", "timeZone", "Asia/Jerusalem")),
                "byline[0].name", c -> c.put("byline", List.of(Map.of("name", "<img src=x onerror=alert(1)>"))),
                "heroImage.altText", c -> c.put("heroImage", Map.of("url", "https://images.example.org/a.jpg",
                        "altText", "<!-- x -->")),
                "tags[0]", c -> c.put("tags", List.of("</p>")));
        markup.forEach((field, change) -> {
            var copy = Drafts.copy("Markup " + UUID.randomUUID());
            change.accept(copy);
            HttpTestResponse refused = draft(copy);
            assertBadRequest(refused, field);
            var fields = new ArrayList<String>();
            refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(field).anySatisfy(f -> assertThat(f).startsWith(field.replaceAll("\\[0]$", "")));
        });
        HttpTestResponse text = draft(Drafts.copy("5 < 6 & AT&T say \"hi\" " + UUID.randomUUID()));
        assertThat(text.status()).as("angle brackets and ampersands as text are fine: %s", text).isEqualTo(201);

        HttpTestResponse published = published("Plain corrections " + UUID.randomUUID());
        String path = "/editor/articles/" + published.json().get("id").asString();
        assertBadRequest(api.edit("POST", path + "/corrections", Map.of("text", "<a href=x>see</a>"), "alice",
                published.header("ETag")), "correction");
        assertBadRequest(api.edit("POST", path + "/unpublish", Map.of("reason", "<b>legal</b>"), "alice",
                published.header("ETag")), "reason");
    }

    // --- defect 5: HEAD like GET ----------------------------------------------------------------------------

    @Test
    void headIsAnsweredLikeGet() {
        HttpTestResponse head = HttpTestClient.loopback(port).head("/articles?limit=1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("application/json");
    }

    // --- OpenAPI ---------------------------------------------------------------------------------------------

    @Test
    void everyOperationIsDocumented() {
        HttpTestResponse docs = api.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        var operations = new ArrayList<String>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey() + " " + path.getKey();
            operations.add(name);
            JsonNode operation = op.getValue();
            assertThat(operation.path("operationId").asString("")).as(name).isNotBlank();
            assertThat(operation.path("summary").asString("")).as(name).isNotBlank();
            // service-edge writes the explicit empty requirement of public operations; here: bearer or nothing.
            boolean editor = path.getKey().startsWith("/editor/");
            if (editor) {
                assertThat(operation.path("security").toString()).as(name).contains("bearer-jwt");
            } else {
                assertThat(operation.path("security").toString()).as("%s is public", name).doesNotContain("bearer-jwt");
            }
        }));
        assertThat(operations).contains("get /articles", "get /articles/{slug}", "get /articles/must-read",
                "get /articles/lookup", "post /editor/articles", "get /editor/articles", "get /editor/articles/{id}",
                "put /editor/articles/{id}", "post /editor/articles/{id}/schedule", "delete /editor/articles/{id}/schedule",
                "post /editor/articles/{id}/publish", "post /editor/articles/{id}/unpublish",
                "post /editor/articles/{id}/corrections", "get /editor/articles/{id}/revisions", "put /editor/must-read");
        JsonNode create = paths.get("/editor/articles").get("post").get("responses");
        assertThat(create.has("201")).isTrue();
        assertThat(create.has("200")).as("a create answers 201, not 200").isFalse();
        assertThat(paths.get("/articles/{slug}").get("get").get("responses").propertyNames()).contains("301", "304", "404", "410");
        assertThat(paths.get("/editor/articles/{id}").get("put").get("responses").propertyNames()).contains("412", "428");
        String headline = docs.json().get("components").get("schemas").get("ArticleCopy").get("properties")
                .get("headline").get("description").asString();
        assertThat(headline).contains("Plain text");
    }
}
