package io.newsroom.article.editorial;

import io.newsroom.article.Api;
import io.newsroom.article.ArticleServiceTest;
import io.newsroom.article.Drafts;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@ArticleServiceTest
class EditorialWorkflowIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private HttpTestResponse create(String headline) {
        HttpTestResponse created = api.edit("POST", "/editor/articles", Drafts.copy(headline), "alice", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static String id(HttpTestResponse response) {
        return response.json().get("id").asString();
    }

    @Test
    void draftToPublishedToCorrectedToUnpublished() {
        String headline = "Israel Rebuffs Calls for Ceasefire " + UUID.randomUUID();
        HttpTestResponse draft = create(headline);
        JsonNode body = draft.json();
        assertThat(body.get("status").asString()).isEqualTo("DRAFT");
        assertThat(body.get("slug").asString()).isEqualTo(Slugs.of(headline));
        assertThat(draft.header("Location")).endsWith("/editor/articles/" + id(draft));
        String slug = body.get("slug").asString();

        // Drafts are not public.
        assertThat(api.get("/articles/" + slug).status()).isEqualTo(404);

        HttpTestResponse published = api.edit("POST", "/editor/articles/" + id(draft) + "/publish", null, "alice", draft.header("ETag"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get("/articles/" + slug).status()).isEqualTo(200);

        HttpTestResponse corrected = api.edit("POST", "/editor/articles/" + id(draft) + "/corrections",
                Map.of("text", "An earlier version gave the wrong day."), "bob", published.header("ETag"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode page = api.get("/articles/" + slug).json();
        assertThat(page.get("corrections").get(0).get("text").asString()).isEqualTo("An earlier version gave the wrong day.");

        HttpTestResponse unpublished = api.edit("POST", "/editor/articles/" + id(draft) + "/unpublish",
                Map.of("reason", "Legal review"), "carol", corrected.header("ETag"));
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        HttpTestResponse gone = api.get("/articles/" + slug);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");

        // Revision history: who did what, in order.
        JsonNode history = api.edit("GET", "/editor/articles/" + id(draft) + "/revisions", null, "dave", null).json();
        assertThat(history.get("nextCursor").isNull()).isTrue();
        JsonNode revisions = history.get("items");
        var trail = new ArrayList<String>();
        revisions.forEach(r -> trail.add(r.get("action").asString() + " by " + r.get("editor").asString()));
        assertThat(trail).containsExactly("CREATED by alice", "PUBLISHED by alice", "CORRECTED by bob", "UNPUBLISHED by carol");
        assertThat(revisions.get(2).get("changed").toString()).contains("corrections");
    }

    @Test
    void theRevisionHistoryNamesThePersonWhoseTokenCarriesAName() {
        HttpTestResponse draft = create("Named editors " + UUID.randomUUID());
        String person = io.newsroom.infra.security.LocalIssuer.shared().tokenFor("rosa-" + UUID.randomUUID())
                .roles("EDITOR").claim("name", "Rosa Lindqvist").build();
        HttpTestResponse published = http().request("POST", "/editor/articles/" + id(draft) + "/publish")
                .bearer(person).header("If-Match", draft.header("ETag")).json(null).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        JsonNode revisions = api.edit("GET", "/editor/articles/" + id(draft) + "/revisions", null, "alice", null).json().get("items");
        // the machine-like subject "alice" has no name; the person is named next to her stable user name
        assertThat(revisions.get(0).get("editor").asString()).isEqualTo("alice");
        assertThat(revisions.get(0).get("editorName").isNull()).isTrue();
        assertThat(revisions.get(1).get("editor").asString()).startsWith("rosa-");
        assertThat(revisions.get(1).get("editorName").asString()).isEqualTo("Rosa Lindqvist");
    }

    private io.newsroom.infra.http.HttpTestClient http() {
        return io.newsroom.infra.http.HttpTestClient.loopback(port);
    }

    @Test
    void illegalTransitionsAreConflicts() {
        HttpTestResponse draft = create("Illegal steps " + UUID.randomUUID());
        String path = "/editor/articles/" + id(draft);
        HttpTestResponse unpublish = api.edit("POST", path + "/unpublish", Map.of("reason", "x"), "alice", draft.header("ETag"));
        assertThat(unpublish.status()).isEqualTo(409);
        assertThat(unpublish.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.edit("POST", path + "/corrections", Map.of("text", "x"), "alice", draft.header("ETag")).status()).isEqualTo(409);
        assertThat(api.edit("DELETE", path + "/schedule", null, "alice", draft.header("ETag")).status()).isEqualTo(409);

        HttpTestResponse published = api.edit("POST", path + "/publish", null, "alice", draft.header("ETag"));
        assertThat(api.edit("POST", path + "/publish", null, "alice", published.header("ETag")).status()).isEqualTo(409);
        assertThat(api.edit("POST", path + "/schedule", Map.of("publishAt", Instant.now().plusSeconds(3600).toString()),
                "alice", published.header("ETag")).status()).isEqualTo(409);
        // Nothing was half-written: still version 2, published.
        HttpTestResponse current = api.edit("GET", path, null, "alice", null);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(current.json().get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void scheduledArticlesAreListedAndCanBeCancelled() {
        HttpTestResponse draft = create("Scheduled " + UUID.randomUUID());
        String path = "/editor/articles/" + id(draft);
        HttpTestResponse scheduled = api.edit("POST", path + "/schedule",
                Map.of("publishAt", Instant.now().plusSeconds(3600).toString()), "alice", draft.header("ETag"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(api.edit("GET", "/editor/articles?status=SCHEDULED", null, "alice", null).body()).contains(id(draft));
        assertThat(api.edit("GET", "/editor/articles?status=DRAFT", null, "alice", null).body()).doesNotContain(id(draft));

        HttpTestResponse cancelled = api.edit("DELETE", path + "/schedule", null, "alice", scheduled.header("ETag"));
        assertThat(cancelled.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.edit("GET", "/editor/articles?status=DRAFT", null, "alice", null).body()).contains(id(draft));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        HttpTestResponse draft = create("Optimistic " + UUID.randomUUID());
        String path = "/editor/articles/" + id(draft);
        var copy = Drafts.copy("Optimistic, revised " + UUID.randomUUID());

        HttpTestResponse missing = api.edit("PUT", path, copy, "alice", null);
        assertThat(missing.status()).isEqualTo(428);

        HttpTestResponse ok = api.edit("PUT", path, copy, "alice", draft.header("ETag"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");

        HttpTestResponse stale = api.edit("PUT", path, copy, "bob", draft.header("ETag"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void twoEditorsSavingTheSameVersionOneWinsOneGets412() throws Exception {
        HttpTestResponse draft = create("Race " + UUID.randomUUID());
        String path = "/editor/articles/" + id(draft);
        var barrier = new CyclicBarrier(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<HttpTestResponse>> saves = new ArrayList<>();
            for (String editor : List.of("alice", "bob")) {
                saves.add(pool.submit(() -> {
                    barrier.await();
                    return api.edit("PUT", path, Drafts.copy("Race, by " + editor + " " + UUID.randomUUID()), editor, draft.header("ETag"));
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpTestResponse> save : saves) {
                statuses.add(save.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        }
        assertThat(api.edit("GET", path, null, "alice", null).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void draftSlugsFollowTheHeadlineAndCollisionsGetASuffix() {
        String headline = "Same Headline " + UUID.randomUUID();
        HttpTestResponse first = create(headline);
        HttpTestResponse second = create(headline);
        assertThat(second.json().get("slug").asString()).isEqualTo(first.json().get("slug").asString() + "-2");
    }

    @Test
    void anExplicitSlugTakenByAnotherArticleIsAConflict() {
        HttpTestResponse first = create("Taken " + UUID.randomUUID());
        var copy = Drafts.copy("Wants that slug");
        copy.put("slug", first.json().get("slug").asString());
        HttpTestResponse conflict = api.edit("POST", "/editor/articles", copy, "alice", null);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).contains("is taken");
    }

    @Test
    void renamingAPublishedSlugRedirectsTheOldOne() {
        HttpTestResponse draft = create("Rename me " + UUID.randomUUID());
        String path = "/editor/articles/" + id(draft);
        HttpTestResponse published = api.edit("POST", path + "/publish", null, "alice", draft.header("ETag"));
        String oldSlug = published.json().get("slug").asString();

        // A new headline alone keeps the public slug.
        HttpTestResponse edited = api.edit("PUT", path, Drafts.copy("Renamed headline " + UUID.randomUUID()), "alice", published.header("ETag"));
        assertThat(edited.json().get("slug").asString()).isEqualTo(oldSlug);

        var copy = Drafts.copy("Renamed headline");
        copy.put("slug", "renamed-" + UUID.randomUUID());
        HttpTestResponse renamed = api.edit("PUT", path, copy, "alice", edited.header("ETag"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        HttpTestResponse redirect = api.get("/articles/" + oldSlug);
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).endsWith("/articles/" + copy.get("slug"));
        assertThat(api.get("/articles/" + copy.get("slug")).status()).isEqualTo(200);
    }

    @Test
    void theBodyIsSanitizedOnInput() {
        var copy = Drafts.copy("Sanitized " + UUID.randomUUID());
        copy.put("body", "<p onclick=\"x()\">Hello <a href=\"javascript:alert(1)\">there</a></p><script>alert(1)</script>");
        HttpTestResponse created = api.edit("POST", "/editor/articles", copy, "alice", null);
        assertThat(created.json().get("body").asString()).isEqualTo("<p>Hello there</p>");
    }

    @Test
    void invalidFieldsAreReportedOneByOne() {
        var copy = Drafts.copy("x".repeat(201));
        copy.put("section", "gossip");
        copy.put("dateline", Map.of("place", "Jerusalem", "timeZone", "Mars/Olympus"));
        copy.put("byline", List.of());
        HttpTestResponse invalid = api.edit("POST", "/editor/articles", copy, "alice", null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        var fields = new ArrayList<String>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("headline", "section", "dateline.timeZone", "byline");
    }

    @Test
    void unknownFieldsAreRejected() {
        var copy = Drafts.copy("Unknown field " + UUID.randomUUID());
        copy.put("priority", "high");
        HttpTestResponse invalid = api.edit("POST", "/editor/articles", copy, "alice", null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("priority");
    }

    @Test
    void oversizedBodiesAre413() {
        var copy = Drafts.copy("Huge " + UUID.randomUUID());
        copy.put("body", "<p>" + "x".repeat(1_200_000) + "</p>");
        HttpTestResponse tooLarge = api.edit("POST", "/editor/articles", copy, "alice", null);
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    @Test
    void theEditorApiNeedsAnEditorToken() {
        HttpTestResponse anonymous = api.send("POST", "/editor/articles", Drafts.copy("No token"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        String moderator = LocalIssuer.shared().token("mia", "MODERATOR");
        HttpTestResponse forbidden = api.send("POST", "/editor/articles", Drafts.copy("Wrong role"), "Authorization", "Bearer " + moderator);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        String foreign = LocalIssuer.shared().tokenFor("eve").roles("EDITOR").audience("another-app").build();
        assertThat(api.send("POST", "/editor/articles", Drafts.copy("Wrong audience"), "Authorization", "Bearer " + foreign).status())
                .isEqualTo(401);
        String forged = LocalIssuer.shared().tokenFor("eve").roles("EDITOR").signedByUnknownKey().build();
        assertThat(api.send("POST", "/editor/articles", Drafts.copy("Forged"), "Authorization", "Bearer " + forged).status())
                .isEqualTo(401);
    }

    @Test
    void unknownArticlesAre404() {
        assertThat(api.edit("GET", "/editor/articles/" + UUID.randomUUID(), null, "alice", null).status()).isEqualTo(404);
        assertThat(api.get("/articles/no-such-article").status()).isEqualTo(404);
    }
}
