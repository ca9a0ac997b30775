package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    @LocalServerPort
    int servicePort;

    /** Sends the path as is (no template encoding), so {@code %00} reaches the service as a NUL. */
    private ResponseEntity<String> raw(HttpMethod method, String path, boolean moderator) {
        var spec = http.method(method).uri(URI.create("http://127.0.0.1:" + servicePort + path));
        if (moderator) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + LocalIssuer.shared().token("mod-ines", "MODERATOR"));
        }
        return spec.retrieve().toEntity(String.class);
    }

    private static void assertBadRequest(ResponseEntity<String> response, String what) {
        assertThat(response.getStatusCode().value()).as("%s: %s", what, response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).as(what)
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }

    // --- paths and Location (defect 2) -----------------------------------------------------------------------

    @Test
    void aPostedCommentsLocationIsItsUrlWithoutTheApiPrefix() {
        UUID article = openArticle();
        ResponseEntity<String> posted = post(article, comment(article, "Located.", uniqueEmail()));
        assertThat(posted.getStatusCode().value()).isEqualTo(201);
        String id = json(posted).get("id").asString();
        assertThat(posted.getHeaders().getLocation().getPath()).isEqualTo("/comments/" + id);
        assertThat(get(posted.getHeaders().getLocation().getPath()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aPostedCommentsLocationIsAGatewayUrl() {
        UUID article = openArticle();
        ResponseEntity<String> posted = http.post().uri("/articles/{id}/comments", article)
                .header("X-Forwarded-For", readerAddress)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "news.example")
                .header("X-Forwarded-Prefix", "/api/v1")
                .contentType(MediaType.APPLICATION_JSON).body(comment(article, "Through the gateway.", uniqueEmail()))
                .retrieve().toEntity(String.class);
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
        assertThat(posted.getHeaders().getLocation()).hasToString(
                "http://news.example/api/v1/comments/" + json(posted).get("id").asString());
    }

    @Test
    void thePathsHaveNoApiPrefix() {
        UUID article = openArticle();
        assertThat(get("/articles/{id}/comments", article).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/articles/{id}/comments", article).getStatusCode().value()).isEqualTo(404);
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
                .encodeToString(("9000000000000000000:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String query : List.of("articleIds=%00", "articleIds=", "articleIds=%20", "articleIds=,",
                "articleIds=" + UUID.randomUUID() + ",,"+ UUID.randomUUID(), "articleIds=not-a-uuid",
                "articleIds=" + String.join(",", Collections.nCopies(101, UUID.randomUUID().toString())))) {
            assertBadRequest(raw(HttpMethod.GET, "/comment-counts?" + query, false), query);
        }
        assertBadRequest(raw(HttpMethod.GET, "/comment-counts", false), "no ids");
        for (String query : List.of("order=%00", "order=sideways", "cursor=%00", "cursor=" + far, "cursor=" + "A".repeat(300),
                "limit=99999999999", "limit=0", "limit=101")) {
            assertBadRequest(raw(HttpMethod.GET, "/articles/" + article + "/comments?" + query, false), query);
        }
        assertBadRequest(raw(HttpMethod.GET, "/articles/not-a-uuid/comments", false), "article id");
        assertBadRequest(raw(HttpMethod.GET, "/comments/not-a-uuid", false), "comment id");
    }

    @Test
    void oddModeratorParametersAre400() {
        for (String query : List.of("email=%00", "email=not-an-email", "email=a%00@example.org", "articleId=%00",
                "limit=99999999999", "limit=101", "cursor=%00", "cursor=garbage")) {
            assertBadRequest(raw(HttpMethod.GET, "/moderation/queues/HELD?" + query, true), query);
        }
        assertBadRequest(raw(HttpMethod.GET, "/moderation/queues/BOGUS", true), "queue");
        for (String query : List.of("email=%00", "email=", "email=not-an-email", "email=" + "a".repeat(250) + "@example.org")) {
            assertBadRequest(raw(HttpMethod.DELETE, "/moderation/blocked-emails?" + query, true), query);
        }
        assertBadRequest(raw(HttpMethod.DELETE, "/moderation/blocked-emails", true), "no email");
        assertBadRequest(asModerator("POST", "/moderation/blocked-emails",
                Map.of("email", "nul\u0000@example.org", "reason", "spam")), "NUL in a blocked email");
    }

    @Test
    void controlCharactersAndMarkupInPlainTextFieldsAre400() {
        UUID article = openArticle();
        var named = comment(article, "A fine comment.", uniqueEmail());
        named.put("authorName", "<b>Dana</b>");
        ResponseEntity<String> refused = post(article, named);
        assertBadRequest(refused, "authorName markup");
        assertThat(json(refused).get("errors").toString()).contains("authorName");
        var nul = comment(article, "nul\u0000byte", uniqueEmail());
        assertBadRequest(post(article, nul), "NUL in the body");
        var nulName = comment(article, "A fine comment.", uniqueEmail());
        nulName.put("authorName", "Da\u0000na");
        assertBadRequest(post(article, nulName), "NUL in the name");

        // The comment body is text, not HTML: markup is taken, and comes back encoded.
        ResponseEntity<String> markup = post(article, comment(article, "I <3 <b>this</b>", uniqueEmail()));
        assertThat(markup.getStatusCode().value()).isEqualTo(201);

        UUID visible = postOk(article, "Report me", uniqueEmail(), "VISIBLE");
        for (String reason : List.of("<script>alert(1)</script>", "nul\u0000byte")) {
            ResponseEntity<String> report = http.post().uri("/comments/{id}/reports", visible)
                    .header("X-Forwarded-For", nextAddress())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason))
                    .retrieve().toEntity(String.class);
            assertBadRequest(report, "report reason " + reason);
        }
        assertBadRequest(decide(visible, "REMOVE", "nul\u0000byte"), "decision reason");
        assertBadRequest(decide(visible, "REMOVE", "<i>rude</i>"), "decision reason markup");
        assertThat(decide(visible, "REMOVE", "rude & off topic").getStatusCode().value()).isEqualTo(200);
    }

    // --- HEAD like GET (defect 5) ----------------------------------------------------------------------------

    @Test
    void headIsAnsweredLikeGet() {
        UUID article = openArticle();
        assertThat(raw(HttpMethod.HEAD, "/articles/" + article + "/comments?limit=1", false).getStatusCode().value())
                .isEqualTo(200);
        assertThat(raw(HttpMethod.HEAD, "/comment-counts?articleIds=" + article, false).getStatusCode().value())
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
