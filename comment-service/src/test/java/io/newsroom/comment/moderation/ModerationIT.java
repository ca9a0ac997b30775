package io.newsroom.comment.moderation;

import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationIT extends IntegrationTest {

    @Test
    void bannedWordIsRefusedAndKeptInTheSpamQueue() {
        UUID article = openArticle();
        HttpTestResponse refused = post(article, comment(article, "Play at my casino", uniqueEmail()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(json(refused).get("title").asString()).isEqualTo("Comment refused");
        assertThat(queue("SPAM", article)).extracting(c -> c.get("statusReason").asString())
                .containsExactly("banned word: casino");
    }

    @Test
    void suspectWordsAndTooManyLinksAreHeld() {
        UUID article = openArticle();
        postOk(article, "Buy crypto now", uniqueEmail(), "HELD");
        postOk(article, "https://a.example https://b.example https://c.example", uniqueEmail(), "HELD");
        postOk(article, "Two links are fine: https://a.example https://b.example", uniqueEmail(), "VISIBLE");
        assertThat(queue("HELD", article)).extracting(c -> c.get("statusReason").asString())
                .containsExactly("suspect word: crypto", "too many links: 3");
    }

    @Test
    void preModerationPerArticleHoldsEverythingUntilSwitchedBack() {
        UUID article = openArticle();
        assertThat(asModerator("PUT", "/moderation/articles/{id}/moderation-policy", Map.of("policy", "PRE"), article)
                .status()).isEqualTo(204);
        postOk(article, "Held under pre-moderation", uniqueEmail(), "HELD");
        var back = new java.util.HashMap<String, Object>();
        back.put("policy", null);
        asModerator("PUT", "/moderation/articles/{id}/moderation-policy", back, article);
        postOk(article, "Visible again", uniqueEmail(), "VISIBLE");
    }

    @Test
    void heldCommentsAreApprovedOrRejectedAndTheCountFollows() {
        UUID article = openArticle();
        UUID held = postOk(article, "crypto question", uniqueEmail(), "HELD");
        UUID other = postOk(article, "crypto again", uniqueEmail(), "HELD");

        HttpTestResponse approved = decide(held, "APPROVE", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(json(approved).get("status").asString()).isEqualTo("VISIBLE");
        assertThat(json(decide(other, "REJECT", "off topic")).get("status").asString()).isEqualTo("REJECTED");

        JsonNode thread = json(get("/articles/{id}/comments", article));
        assertThat(thread.get("approvedCommentCount").asLong()).isEqualTo(1);
        assertThat(thread.get("items")).extracting(c -> c.get("id").asString()).containsExactly(held.toString());
        assertThat(queue("HELD", article)).isEmpty();
    }

    @Test
    void visibleCommentsAreRemovedWithAReasonAndCanBeRestored() {
        UUID article = openArticle();
        UUID visible = postOk(article, "A comment", uniqueEmail(), "VISIBLE");

        HttpTestResponse noReason = decide(visible, "REMOVE", " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(json(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");

        assertThat(json(decide(visible, "REMOVE", "personal attack")).get("status").asString()).isEqualTo("REMOVED");
        assertThat(json(get("/articles/{id}/comments", article)).get("items")).isEmpty();
        assertThat(get("/comments/{id}", visible).status()).isEqualTo(404);

        assertThat(json(decide(visible, "RESTORE", "appeal upheld")).get("status").asString()).isEqualTo("VISIBLE");
        assertThat(json(get("/articles/{id}/comments", article)).get("approvedCommentCount").asLong()).isEqualTo(1);
    }

    @Test
    void spamCanBeMarkedAndRescued() {
        UUID article = openArticle();
        UUID visible = postOk(article, "Looks like spam", uniqueEmail(), "VISIBLE");
        assertThat(json(decide(visible, "SPAM", null)).get("status").asString()).isEqualTo("SPAM");
        assertThat(queue("SPAM", article)).hasSize(1);
        assertThat(json(decide(visible, "APPROVE", "false positive")).get("status").asString()).isEqualTo("VISIBLE");
    }

    @Test
    void impossibleTransitionsAreConflictsAndChangeNothing() {
        UUID article = openArticle();
        UUID visible = postOk(article, "Fine comment", uniqueEmail(), "VISIBLE");
        HttpTestResponse reject = decide(visible, "REJECT", "why");
        assertThat(reject.status()).isEqualTo(409);
        assertThat(json(reject).get("detail").asString()).isEqualTo("Cannot reject a comment that is visible.");
        assertThat(decide(UUID.randomUUID(), "APPROVE", null).status()).isEqualTo(404);
        assertThat(json(asModerator("GET", "/moderation/comments/{id}", null, visible)).get("audit")).isEmpty();
    }

    @Test
    void bulkActionsAreAllOrNothing() {
        UUID article = openArticle();
        UUID a = postOk(article, "crypto one", uniqueEmail(), "HELD");
        UUID b = postOk(article, "crypto two", uniqueEmail(), "HELD");
        UUID visible = postOk(article, "already visible", uniqueEmail(), "VISIBLE");

        HttpTestResponse mixed = asModerator("POST", "/moderation/decisions",
                Map.of("commentIds", List.of(a, b, visible), "action", "REJECT"));
        assertThat(mixed.status()).isEqualTo(409);
        assertThat(json(mixed).get("errors").get(0).get("commentId").asString()).isEqualTo(visible.toString());
        assertThat(queue("HELD", article)).hasSize(2);

        HttpTestResponse approved = asModerator("POST", "/moderation/decisions",
                Map.of("commentIds", List.of(a, b), "action", "APPROVE"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(json(approved).get("items")).hasSize(2);
        assertThat(json(approved).get("nextCursor").isNull()).isTrue();
        assertThat(json(get("/articles/{id}/comments", article)).get("approvedCommentCount").asLong()).isEqualTo(3);
    }

    @Test
    void enoughReaderReportsPutACommentInTheReportedQueueAndApprovalDismissesThem() {
        UUID article = openArticle();
        UUID visible = postOk(article, "Controversial take", uniqueEmail(), "VISIBLE");
        report(visible, "203.0.113.1");
        report(visible, "203.0.113.1"); // the same reader twice counts once
        assertThat(queue("REPORTED", article)).isEmpty();
        report(visible, "203.0.113.2");
        List<JsonNode> reported = queue("REPORTED", article);
        assertThat(reported).hasSize(1);
        assertThat(reported.getFirst().get("reportCount").asInt()).isEqualTo(2);

        decide(visible, "APPROVE", "fair comment");
        assertThat(queue("REPORTED", article)).isEmpty();
        assertThat(json(get("/articles/{id}/comments", article)).get("items")).hasSize(1);
    }

    @Test
    void moderatorsCloseAndReopenAnArticle() {
        UUID article = openArticle();
        assertThat(asModerator("PUT", "/moderation/articles/{id}/comments-open",
                Map.of("open", false, "reason", "legal review"), article).status()).isEqualTo(204);
        assertThat(post(article, comment(article, "Closed?", uniqueEmail())).status()).isEqualTo(409);
        asModerator("PUT", "/moderation/articles/{id}/comments-open", Map.of("open", true), article);
        postOk(article, "Open again", uniqueEmail(), "VISIBLE");
    }

    @Test
    void aBlockedEmailOnlyEverReachesTheSpamQueue() {
        UUID article = openArticle();
        String email = uniqueEmail();
        assertThat(asModerator("POST", "/moderation/blocked-emails",
                Map.of("email", email.toUpperCase(), "reason", "serial abuse")).status()).isEqualTo(204);
        postOk(article, "Let me in", email, "HELD");
        assertThat(queue("SPAM", article)).extracting(c -> c.get("statusReason").asString())
                .containsExactly("blocked email");
    }

    @Test
    void everyActionIsAuditedWithTheModeratorsIdentityAndModeratorsSeeTheEmail() {
        UUID article = openArticle();
        String email = uniqueEmail();
        UUID comment = postOk(article, "crypto?", email, "HELD");
        decide(comment, "APPROVE", "ok after all");
        decide(comment, "REMOVE", "changed my mind");

        JsonNode history = json(asModerator("GET", "/moderation/comments/{id}", null, comment));
        assertThat(history.get("comment").get("authorEmail").asString()).isEqualTo(email);
        List<String> audit = new ArrayList<>();
        history.get("audit").forEach(e -> audit.add(e.get("moderator").asString() + ":" + e.get("action").asString()
                + ":" + e.get("reason").asString()));
        assertThat(audit).containsExactly("mod-ines:APPROVE:ok after all", "mod-ines:REMOVE:changed my mind");
    }

    @Test
    void theModeratorApiNeedsAModeratorToken() {
        assertThat(get("/moderation/queues/HELD").status()).isEqualTo(401);
        String editor = LocalIssuer.shared().token("ed-amos", "EDITOR");
        assertThat(http.get("/moderation/queues/HELD", "Authorization", HttpTestClient.bearer(editor)).status())
                .isEqualTo(403);
        String foreign = LocalIssuer.shared().tokenFor("mod-x").roles("MODERATOR").signedByUnknownKey().build();
        assertThat(http.get("/moderation/queues/HELD", "Authorization", HttpTestClient.bearer(foreign)).status())
                .isEqualTo(401);
    }

    @Test
    void queuesPageAndFilterByEmail() {
        UUID article = openArticle();
        String email = uniqueEmail();
        for (int i = 0; i < 3; i++) {
            postOk(article, "crypto " + i, email, "HELD");
        }
        postOk(article, "crypto other", uniqueEmail(), "HELD");
        JsonNode first = json(asModerator("GET",
                "/moderation/queues/HELD?articleId={a}&email={e}&limit=2", null, article, email));
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("body").asString()).isEqualTo("crypto 0");
        JsonNode page = json(asModerator("GET",
                "/moderation/queues/HELD?articleId={a}&email={e}&limit=2&cursor={c}", null, article, email,
                first.get("nextCursor").asString()));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("body").asString()).isEqualTo("crypto 2");
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    private void report(UUID comment, String address) {
        HttpTestResponse response = report(comment, Map.of("reason", "abusive"), address);
        assertThat(response.status()).isEqualTo(202);
    }

    private List<JsonNode> queue(String queue, UUID article) {
        List<JsonNode> items = new ArrayList<>();
        json(asModerator("GET", "/moderation/queues/{q}?articleId={a}", null, queue, article))
                .get("items").forEach(items::add);
        return items;
    }
}
