package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API contract of issue 11 as comment-service keeps it: paths without {@code /api}, gateway URLs
 * in {@code Location}, one list envelope, {@code id}/{@code articleId} in a comment, plain-text fields, a 400
 * problem (never a 5xx) for odd input, HEAD like GET, and an OpenAPI operation for every route.
 */
class PublicApiIT extends IntegrationTest {

    /** Sends the path as is (no template encoding), so {@code %00} reaches the service as a NUL. */
    private HttpTestResponse raw(String method, String path, boolean moderator) {
        var request = http.request(method, path);
        return (moderator ? request.bearer(LocalIssuer.shared().token("mod-ines", "MODERATOR")) : request).send();
    }

    private static void assertBadRequest(HttpTestResponse response, String what) {
        assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(response.contentType())).as(what)
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }

    // --- paths and Location (defect 2) -----------------------------------------------------------------------

    @Test
    void aPostedCommentsLocationIsItsUrlWithoutTheApiPrefix() {
        UUID article = openArticle();
        HttpTestResponse posted = post(article, comment(article, "Located.", uniqueEmail()));
        assertThat(posted.status()).isEqualTo(201);
        String id = json(posted).get("id").asString();
        String location = URI.create(posted.header("Location")).getPath();
        assertThat(location).isEqualTo("/comments/" + id);
        assertThat(get(location).status()).isEqualTo(200);
    }

    @Test
    void aPostedCommentsLocationIsAGatewayUrl() {
        UUID article = openArticle();
        HttpTestResponse posted = http.post("/articles/" + article + "/comments",
                comment(article, "Through the gateway.", uniqueEmail()),
                "X-Forwarded-For", readerAddress, "X-Forwarded-Proto", "http", "X-Forwarded-Host", "news.example",
                "X-Forwarded-Prefix", "/api/v1");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(URI.create(posted.header("Location"))).hasToString(
                "http://news.example/api/v1/comments/" + json(posted).get("id").asString());
    }

    @Test
    void thePathsHaveNoApiPrefix() {
        UUID article = openArticle();
        assertThat(get("/articles/{id}/comments", article).status()).isEqualTo(200);
        assertThat(get("/api/articles/{id}/comments", article).status()).isEqualTo(404);
    }

    // --- one envelope, one id --------------------------------------------------------------------------------

    @Test
    void listsAreItemsAndNextCursorAndACommentHasIdAndArticleId() {
        UUID article = openArticle();
        UUID held = postOk(article, "crypto held for the envelope", uniqueEmail(), "HELD");
        UUID visible = postOk(article, "Visible for the envelope", uniqueEmail(), "VISIBLE");

        JsonNode thread = json(get("/articles/{id}/comments?order=NEWEST&limit=1", article));
        assertThat(thread.propertyNames()).startsWith("items", "nextCursor");
        JsonNode comment = thread.get("items").get(0);
        assertThat(comment.get("id").asString()).isEqualTo(visible.toString());
        assertThat(comment.get("articleId").asString()).isEqualTo(article.toString());
        assertThat(comment.has("commentId")).isFalse();
        assertThat(json(get("/comments/{id}", visible)).get("articleId").asString()).isEqualTo(article.toString());

        JsonNode queue = json(asModerator("GET", "/moderation/queues/HELD?articleId={a}", null, article));
        assertThat(queue.propertyNames()).startsWith("items", "nextCursor");
        assertThat(queue.get("items").get(0).get("id").asString()).isEqualTo(held.toString());
        assertThat(queue.get("nextCursor").isNull()).isTrue();

        JsonNode bulk = json(asModerator("POST", "/moderation/decisions",
                Map.of("commentIds", List.of(held), "action", "APPROVE")));
        assertThat(bulk.propertyNames()).containsExactly("items", "nextCursor");
    }

    // --- bad input is a 400 problem, never a 5xx (defect 3) --------------------------------------------------

    @Test
    void oddReaderParametersAre400() {
        UUID article = openArticle();
        String far = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("9000000000000000000|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String query : List.of("articleIds=%00", "articleIds=", "articleIds=%20", "articleIds=,",
                "articleIds=" + UUID.randomUUID() + ",,"+ UUID.randomUUID(), "articleIds=not-a-uuid",
                "articleIds=" + String.join(",", Collections.nCopies(101, UUID.randomUUID().toString())))) {
            assertBadRequest(raw("GET", "/comment-counts?" + query, false), query);
        }
        assertBadRequest(raw("GET", "/comment-counts", false), "no ids");
        for (String query : List.of("order=%00", "order=sideways", "cursor=%00", "cursor=" + far, "cursor=" + "A".repeat(300),
                "limit=99999999999", "limit=0", "limit=101")) {
            assertBadRequest(raw("GET", "/articles/" + article + "/comments?" + query, false), query);
        }
        assertBadRequest(raw("GET", "/articles/not-a-uuid/comments", false), "article id");
        assertBadRequest(raw("GET", "/comments/not-a-uuid", false), "comment id");
    }

    @Test
    void oddModeratorParametersAre400() {
        for (String query : List.of("email=%00", "email=not-an-email", "email=a%00@example.org", "articleId=%00",
                "limit=99999999999", "limit=101", "cursor=%00", "cursor=garbage")) {
            assertBadRequest(raw("GET", "/moderation/queues/HELD?" + query, true), query);
        }
        assertBadRequest(raw("GET", "/moderation/queues/BOGUS", true), "queue");
        for (String query : List.of("email=%00", "email=", "email=not-an-email", "email=" + "a".repeat(250) + "@example.org")) {
            assertBadRequest(raw("DELETE", "/moderation/blocked-emails?" + query, true), query);
        }
        assertBadRequest(raw("DELETE", "/moderation/blocked-emails", true), "no email");
        assertBadRequest(asModerator("POST", "/moderation/blocked-emails",
                Map.of("email", "nul\u0000@example.org", "reason", "spam")), "NUL in a blocked email");
    }

    @Test
    void controlCharactersAndMarkupInPlainTextFieldsAre400() {
        UUID article = openArticle();
        var named = comment(article, "A fine comment.", uniqueEmail());
        named.put("authorName", "<b>Dana</b>");
        HttpTestResponse refused = post(article, named);
        assertBadRequest(refused, "authorName markup");
        assertThat(json(refused).get("errors").toString()).contains("authorName");
        var nul = comment(article, "nul\u0000byte", uniqueEmail());
        assertBadRequest(post(article, nul), "NUL in the body");
        var nulName = comment(article, "A fine comment.", uniqueEmail());
        nulName.put("authorName", "Da\u0000na");
        assertBadRequest(post(article, nulName), "NUL in the name");

        // The comment body is text, not HTML: markup is taken, and comes back encoded.
        HttpTestResponse markup = post(article, comment(article, "I <3 <b>this</b>", uniqueEmail()));
        assertThat(markup.status()).isEqualTo(201);

        UUID visible = postOk(article, "Report me", uniqueEmail(), "VISIBLE");
        for (String reason : List.of("<script>alert(1)</script>", "nul\u0000byte")) {
            HttpTestResponse report = report(visible, Map.of("reason", reason), nextAddress());
            assertBadRequest(report, "report reason " + reason);
        }
        assertBadRequest(decide(visible, "REMOVE", "nul\u0000byte"), "decision reason");
        assertBadRequest(decide(visible, "REMOVE", "<i>rude</i>"), "decision reason markup");
        assertThat(decide(visible, "REMOVE", "rude & off topic").status()).isEqualTo(200);
    }

    // --- HEAD like GET (defect 5) ----------------------------------------------------------------------------

    @Test
    void headIsAnsweredLikeGet() {
        UUID article = openArticle();
        assertThat(raw("HEAD", "/articles/" + article + "/comments?limit=1", false).status())
                .isEqualTo(200);
        assertThat(raw("HEAD", "/comment-counts?articleIds=" + article, false).status())
                .isEqualTo(200);
    }

    // --- OpenAPI (defect 7) ----------------------------------------------------------------------------------

    @Test
    void everyOperationHasAnIdASummaryAndItsRealSuccessStatus() {
        JsonNode docs = json(get("/v3/api-docs"));
        List<String> operations = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey() + " " + path.getKey();
            operations.add(name);
            assertThat(op.getValue().path("operationId").asString("")).as(name).isNotBlank();
            assertThat(op.getValue().path("summary").asString("")).as(name).isNotBlank();
        }));
        assertThat(operations).hasSize(14);
        JsonNode post = docs.get("paths").get("/articles/{articleId}/comments").get("post").get("responses");
        assertThat(post.has("201")).isTrue();
        assertThat(post.has("200")).as("the post answers 201, not 200").isFalse();
        assertThat(post.propertyNames()).contains("400", "404", "409", "410", "422", "429");
        assertThat(post.get("422").get("content").has("application/problem+json")).isTrue();
        assertThat(docs.get("paths").get("/comments/{commentId}/reports").get("post").get("responses").has("202")).isTrue();
        String name = docs.get("components").get("schemas").get("NewComment").get("properties").get("authorName")
                .get("description").asString();
        assertThat(name).contains("Plain text");
    }
}
