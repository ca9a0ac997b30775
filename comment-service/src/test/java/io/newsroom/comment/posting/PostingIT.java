package io.newsroom.comment.posting;

import io.newsroom.comment.support.ArticleFeed;
import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostingIT extends IntegrationTest {

    @Test
    void aCommentOnAnOpenArticleIsVisibleAtOnceAndShownWithoutTheEmail() {
        UUID article = openArticle();
        String email = uniqueEmail();
        HttpTestResponse posted = post(article, comment(article, "Well reported.\nThanks!", email));

        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.header("Location")).isNotNull();
        assertThat(json(posted).get("status").asString()).isEqualTo("VISIBLE");
        assertThat(json(posted).get("message").asString()).isEqualTo("Your comment is published.");

        HttpTestResponse thread = get("/articles/{id}/comments", article);
        JsonNode first = json(thread).get("items").get(0);
        assertThat(first.get("body").asString()).isEqualTo("Well reported.\nThanks!");
        assertThat(first.get("bodyHtml").asString()).isEqualTo("Well reported.<br>\nThanks!");
        assertThat(first.get("authorName").asString()).isEqualTo("Dana Reader");
        assertThat(json(thread).get("approvedCommentCount").asLong()).isEqualTo(1);
        for (HttpTestResponse publicResponse : List.of(posted, thread,
                get("/comments/{id}", first.get("id").asString()),
                get("/comment-counts?articleIds={id}", article))) {
            assertThat(publicResponse.body()).doesNotContainIgnoringCase(email).doesNotContain("@");
        }
    }

    @Test
    void invalidFieldsAreA400ProblemNamingEachFieldAndNothingIsStored() {
        UUID article = openArticle();
        var form = comment(article, "", "not-an-email");
        form.put("authorName", "x".repeat(81));
        HttpTestResponse response = post(article, form);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        List<String> fields = new ArrayList<>();
        json(response).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("body", "email", "authorName");
        assertThat(json(get("/articles/{id}/comments", article)).get("items")).isEmpty();
    }

    @Test
    void bodyLongerThan5000CharactersOrWithUnknownFieldsIsRefused() {
        UUID article = openArticle();
        assertThat(post(article, comment(article, "x".repeat(5001), uniqueEmail())).status()).isEqualTo(400);
        assertThat(post(article, comment(article, "x".repeat(5000), uniqueEmail())).status()).isEqualTo(201);
        var form = comment(article, "Hello", uniqueEmail());
        form.put("admin", true);
        HttpTestResponse unknown = post(article, form);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("admin");
    }

    @Test
    void unknownUnpublishedAndClosedArticlesSayWhyWith4xx() {
        UUID unknown = UUID.randomUUID();
        assertThat(post(unknown, comment(unknown, "Hi", uniqueEmail())).status()).isEqualTo(404);

        UUID unpublished = openArticle();
        ArticleFeed.send(ArticleFeed.unpublished(unpublished, 2));
        awaitArticleState(unpublished, 410);
        HttpTestResponse gone = post(unpublished, comment(unpublished, "Hi", uniqueEmail()));
        assertThat(gone.status()).isEqualTo(410);
        assertThat(json(gone).get("title").asString()).isEqualTo("Article unpublished");

        UUID closed = openArticle();
        ArticleFeed.send(ArticleFeed.updated(closed, 2, false));
        awaitArticleState(closed, 409);
        HttpTestResponse refused = post(closed, comment(closed, "Hi", uniqueEmail()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(json(refused).get("title").asString()).isEqualTo("Comments closed");
    }

    @Test
    void repliesNestUpToTheConfiguredDepth() {
        UUID article = openArticle();
        UUID top = postOk(article, "Top", uniqueEmail(), "VISIBLE");
        UUID reply = postOk(article, "Reply", uniqueEmail(), "VISIBLE", top);
        UUID replyToReply = postOk(article, "Reply to reply", uniqueEmail(), "VISIBLE", reply);

        var tooDeep = comment(article, "Too deep", uniqueEmail());
        tooDeep.put("parentId", replyToReply.toString());
        HttpTestResponse refused = post(article, tooDeep);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(json(refused).get("title").asString()).isEqualTo("Reply too deep");

        var elsewhere = comment(article, "Parent elsewhere", uniqueEmail());
        elsewhere.put("parentId", UUID.randomUUID().toString());
        assertThat(post(article, elsewhere).status()).isEqualTo(422);

        JsonNode thread = json(get("/articles/{id}/comments", article)).get("items");
        assertThat(thread).hasSize(1);
        JsonNode replies = thread.get(0).get("replies");
        assertThat(replies.get(0).get("id").asString()).isEqualTo(reply.toString());
        assertThat(replies.get(0).get("replies").get(0).get("id").asString()).isEqualTo(replyToReply.toString());
    }

    @Test
    void theSameEmailAndBodyAgainWithinTheWindowIsAConflict() {
        UUID article = openArticle();
        String email = uniqueEmail();
        postOk(article, "First!", email, "VISIBLE");
        HttpTestResponse again = post(article, comment(article, "  first! ", email));
        assertThat(again.status()).isEqualTo(409);
        assertThat(json(again).get("title").asString()).isEqualTo("Duplicate comment");
        postOk(article, "First!", uniqueEmail(), "VISIBLE");
    }

    @Test
    void moreThanTheLimitPerEmailPerMinuteIs429WithRetryAfter() {
        UUID article = openArticle();
        String email = uniqueEmail();
        for (int i = 0; i < 3; i++) {
            post(article, comment(article, "Comment " + i, email), nextAddress());
        }
        HttpTestResponse flooded = post(article, comment(article, "One more", email), nextAddress());
        assertThat(flooded.status()).isEqualTo(429);
        assertThat(Long.parseLong(flooded.header("Retry-After"))).isBetween(1L, 61L);
    }

    @Test
    void moreThanTheLimitPerAddressPerMinuteIs429WithRetryAfter() {
        UUID article = openArticle();
        for (int i = 0; i < 6; i++) {
            assertThat(post(article, comment(article, "Comment " + i, uniqueEmail())).status()).isEqualTo(201);
        }
        HttpTestResponse flooded = post(article, comment(article, "One more", uniqueEmail()));
        assertThat(flooded.status()).isEqualTo(429);
        assertThat(flooded.header("Retry-After")).isNotBlank();
    }

    @Test
    void botsGetAnOrdinaryHeldAnswerButTheirCommentsGoToSpam() {
        UUID article = openArticle();
        var honeypot = comment(article, "I am a bot", uniqueEmail());
        honeypot.put("website", "http://spam.example");
        var tooFast = comment(article, "I am a fast bot", uniqueEmail());
        tooFast.put("formToken", formTokens.issue(article, java.time.Instant.now()));
        var forged = comment(article, "I forge tokens", uniqueEmail());
        forged.put("formToken", article + ".1.forged");

        for (var form : List.of(honeypot, tooFast, forged)) {
            HttpTestResponse response = post(article, form);
            assertThat(response.status()).isEqualTo(201);
            assertThat(json(response).get("status").asString()).isEqualTo("HELD");
        }
        JsonNode spam = json(asModerator("GET", "/moderation/queues/SPAM?articleId={id}", null, article));
        List<String> reasons = new ArrayList<>();
        spam.get("items").forEach(item -> reasons.add(item.get("statusReason").asString()));
        assertThat(reasons).containsExactlyInAnyOrder("honeypot filled", "submitted too fast", "forged form token");
        assertThat(json(get("/articles/{id}/comments", article)).get("items")).isEmpty();
    }

    @Test
    void theFormGivesATokenAndNamesTheHoneypot() {
        UUID article = openArticle();
        JsonNode form = json(get("/articles/{id}/comment-form", article));
        assertThat(form.get("formToken").asString()).startsWith(article.toString());
        assertThat(form.get("honeypotField").asString()).isEqualTo("website");
    }

    private UUID postOk(UUID article, String body, String email, String status, UUID parent) {
        var form = comment(article, body, email);
        form.put("parentId", parent.toString());
        HttpTestResponse response = post(article, form);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("status").asString()).isEqualTo(status);
        return UUID.fromString(json(response).get("id").asString());
    }
}
