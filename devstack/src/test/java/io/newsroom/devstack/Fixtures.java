package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Real data the contract and fuzz tests call operations with, made once per run: an article of the demo
 * content (from Latest News, read only) and an article of our own, published, with one reader comment, which
 * the tests may change, unpublish or delete without disturbing the demo content.
 */
record Fixtures(String demoId, String demoSlug, String ownId, String ownSlug, String commentId) {

    private static Fixtures made;

    static synchronized Fixtures get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    private static Fixtures make() {
        JsonNode latest = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> PlatformClient.json(PlatformClient.get(RunningPlatform.GATEWAY + "/api/v1/articles?limit=5", null)),
                        body -> body.findValues("slug").size() >= 5);
        JsonNode first = latest.findValues("slug").isEmpty() ? null : latest.findParents("slug").getFirst();
        String demoId = first.get("id").asString();
        String demoSlug = first.get("slug").asString();

        String editor = PlatformClient.token("EDITOR");
        String marker = "contract" + Long.toString(System.nanoTime(), 36);
        String draft = """
                {"headline": "Ferry crews of %1$s agree a new timetable",
                 "standfirst": "The %1$s crews will sail twice a day from March.",
                 "dateline": {"place": "Stone Town", "timeZone": "Africa/Dar_es_Salaam"},
                 "byline": [{"name": "Amina Said"}],
                 "body": "<p>The crews of %1$s met on Monday.</p>",
                 "section": "world", "tags": ["Ferries"], "commentsEnabled": true}
                """.formatted(marker);
        var created = PlatformClient.request("POST", RunningPlatform.GATEWAY + "/api/v1/editor/articles")
                .header("Authorization", "Bearer " + editor).json(draft).send();
        require(created.status() == 201, "create the fixture article: " + created.status() + " " + created.body());
        String ownId = PlatformClient.json(created).get("id").asString();
        var published = PlatformClient.request("POST", RunningPlatform.GATEWAY + "/api/v1/editor/articles/" + ownId + "/publish")
                .header("Authorization", "Bearer " + editor).header("If-Match", Objects.requireNonNullElse(created.header("ETag"), "*"))
                .send();
        require(published.status() == 200, "publish the fixture article: " + published.status() + " " + published.body());
        String ownSlug = PlatformClient.json(published).get("slug").asString();

        var form = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> PlatformClient.get(RunningPlatform.GATEWAY + "/api/v1/articles/" + ownId + "/comment-form", null), r -> r.status() == 200);
        JsonNode fields = PlatformClient.json(form);
        try {
            Thread.sleep(fields.path("minFillMillis").asLong(3000) + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String comment = """
                {"body": "The %s timetable suits us.", "authorName": "Khamis", "email": "reader-%s@example.org", "formToken": "%s"}
                """.formatted(marker, UUID.randomUUID(), fields.path("formToken").asString());
        var posted = PlatformClient.request("POST", RunningPlatform.GATEWAY + "/api/v1/articles/" + ownId + "/comments")
                .json(comment).send();
        require(posted.status() == 201, "post the fixture comment: " + posted.status() + " " + posted.body());
        // the contract names it `id`; before issue 11 comment-service said `commentId`: the fixture takes either
        JsonNode postedBody = PlatformClient.json(posted);
        String commentId = postedBody.has("id") ? postedBody.get("id").asString() : postedBody.path("commentId").asString();
        var fixtures = new Fixtures(demoId, demoSlug, ownId, ownSlug, commentId);
        System.out.println("platform fixtures: " + fixtures);
        return fixtures;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("fixture failed: " + what);
        }
    }
}
