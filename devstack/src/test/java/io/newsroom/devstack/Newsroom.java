package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.newsroom.devstack.RunningPlatform.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What editors, moderators and readers do in the journeys and drills, through the gateway only. Each article
 * carries a marker word of its own, so a search for it finds that article and nothing else.
 */
final class Newsroom {

    static final String API = GATEWAY + "/api/v1";

    private Newsroom() {
    }

    /** An article as the editor last saw it: its copy (for updates) and the ETag to send in If-Match. */
    record Story(String id, String slug, String etag, ObjectNode copy) {

        String marker() {
            return copy.get("tags").get(0).asString();
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong WORDS = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    /** A word no other article has: letters only (base 26), so analyzers keep it whole. */
    static String marker(String prefix) {
        var word = new StringBuilder(prefix);
        for (long n = WORDS.incrementAndGet(); n > 0; n /= 26) {
            word.append((char) ('a' + n % 26));
        }
        return word.toString();
    }

    /**
     * @param marker a word of this article only (its first tag, in headline and body)
     * @param family a word articles about the same story share (tag and body), so they are related
     */
    static ObjectNode copy(String marker, String family) {
        return (ObjectNode) PlatformClient.JSON.readTree("""
                {"headline": "%1$s harbour reopens after the %2$s storm",
                 "standfirst": "The %1$s story, as told in %2$s.",
                 "dateline": {"place": "Stone Town", "timeZone": "Africa/Dar_es_Salaam"},
                 "byline": [{"name": "Amina Said"}],
                 "body": "<p>The harbour of %1$s reopened on Monday after the %2$s storm. The %2$s ferries, %2$s fishermen and %2$s traders returned to the %2$s harbour.</p>",
                 "section": "world", "tags": ["%1$s", "%2$s"], "commentsEnabled": true}
                """.formatted(marker, family));
    }

    static Story draft(ObjectNode copy) {
        var created = editor(PlatformClient.request("POST", API + "/editor/articles")
                .json(copy.toString()));
        assertThat(created.status()).as("create draft: %s", created.body()).isEqualTo(201);
        return story(created, copy);
    }

    static Story publish(Story story) {
        return change(story, "/publish", null);
    }

    static Story schedule(Story story, Instant at) {
        return change(story, "/schedule", "{\"publishAt\": \"" + at + "\"}");
    }

    static Story correct(Story story, String text) {
        return change(story, "/corrections", "{\"text\": \"" + text + "\"}");
    }

    static Story unpublish(Story story, String reason) {
        return change(story, "/unpublish", "{\"reason\": \"" + reason + "\"}");
    }

    static Story rename(Story story, String slug) {
        ObjectNode copy = story.copy().deepCopy().put("slug", slug);
        var updated = editor(PlatformClient.request("PUT", API + "/editor/articles/" + story.id())
                .header("If-Match", story.etag())
                .json(copy.toString()));
        assertThat(updated.status()).as("rename: %s", updated.body()).isEqualTo(200);
        return story(updated, copy);
    }

    /** The editor's current view (e.g. after the scheduler published it). */
    static JsonNode editorView(String id) {
        return PlatformClient.json(PlatformClient.get(API + "/editor/articles/" + id, PlatformClient.token("EDITOR")));
    }

    private static Story change(Story story, String action, String body) {
        var request = PlatformClient.request("POST", API + "/editor/articles/" + story.id() + action)
                .header("If-Match", story.etag());
        var response = editor(request.json(body));
        assertThat(response.status()).as("%s: %s", action, response.body()).isEqualTo(200);
        return story(response, story.copy());
    }

    private static Story story(HttpTestResponse response, ObjectNode copy) {
        JsonNode article = PlatformClient.json(response);
        return new Story(article.get("id").asString(), article.get("slug").asString(),
                java.util.Objects.requireNonNull(response.header("ETag"), "ETag"), copy);
    }

    private static HttpTestResponse editor(HttpTestClient.Request request) {
        return request.header("Authorization", "Bearer " + PlatformClient.token("EDITOR")).send();
    }

    static HttpTestResponse moderator(HttpTestClient.Request request) {
        return request.header("Authorization", "Bearer " + PlatformClient.token("MODERATOR")).send();
    }

    /** Pre-moderation for one article: every comment is held. */
    static void holdComments(String articleId) {
        // a PUT is idempotent: one that outlasted the gateway's timeout on a busy machine is sent again
        var set = await().atMost(Duration.ofSeconds(30)).until(() -> moderator(PlatformClient.request("PUT", API + "/moderation/articles/" + articleId + "/moderation-policy")
                .json("{\"policy\": \"PRE\"}")), r -> r.status() != 504);
        assertThat(set.status()).as("moderation policy: %s", set.body()).isEqualTo(204);
    }

    static void decide(String commentId, String action) {
        var decided = moderator(PlatformClient.request("POST", API + "/moderation/comments/" + commentId + "/decisions")
                .json("{\"action\": \"" + action + "\"}"));
        assertThat(decided.status()).as("%s %s: %s", action, commentId, decided.body()).isEqualTo(200);
    }

    /**
     * The comment form of an article once comment-service knows it (it learns of articles from Kafka), after the
     * minimum fill time a person needs to type: the token is good for any number of comments on that article.
     */
    static String formToken(String articleId) {
        var form = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> PlatformClient.get(API + "/articles/" + articleId + "/comment-form", null), r -> r.status() == 200);
        JsonNode fields = PlatformClient.json(form);
        try {
            Thread.sleep(fields.path("minFillMillis").asLong(3000) + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fields.path("formToken").asString();
    }

    /** A reader's comment (or reply, with a parent id); the response as the reader gets it. */
    static HttpTestResponse comment(String articleId, String formToken, String body, String parentId) {
        ObjectNode comment = PlatformClient.JSON.createObjectNode()
                .put("body", body).put("authorName", "Khamis")
                .put("email", "reader-" + UUID.randomUUID() + "@example.org").put("formToken", formToken);
        if (parentId != null) {
            comment.put("parentId", parentId);
        }
        return PlatformClient.request("POST", API + "/articles/" + articleId + "/comments").json(comment.toString()).send();
    }

    static String posted(HttpTestResponse response) {
        assertThat(response.status()).as("post comment: %s", response.body()).isEqualTo(201);
        return PlatformClient.json(response).get("id").asString();
    }

    static HttpTestResponse get(String path) {
        return PlatformClient.get(API + path, null);
    }

    static JsonNode getJson(String path) {
        var response = get(path);
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return PlatformClient.json(response);
    }
}
