package io.newsroom.comment.moderation;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The global switches, through HTTP: pre-moderation for every article and holding first-time
 * commenters. A context of its own (own database); its own consumer group, so it is sent every
 * article event instead of sharing the topic's partitions with the other test context.
 */
@TestPropertySource(properties = {
        "newsroom.comments.moderation.policy=PRE",
        "newsroom.comments.moderation.hold-first-time-commenters=true",
        "spring.cloud.stream.bindings.articleEvents-in-0.group=comment-service-policy-it"})
class ModerationPolicyIT extends IntegrationTest {

    @Test
    void globalPreModerationHoldsEveryCommentEvenFromAKnownCommenter() {
        UUID article = openArticle();
        String email = uniqueEmail();
        UUID first = postOk(article, "First thoughts", email, "HELD");
        assertThat(decide(first, "APPROVE", null).status()).isEqualTo(200);

        UUID second = postOk(article, "Second thoughts", email, "HELD");

        assertThat(json(asModerator("GET", "/moderation/comments/{id}", null, second))
                .get("comment").get("statusReason").asString()).isEqualTo("pre-moderation");
        assertThat(json(get("/articles/{id}/comments", article)).get("items"))
                .extracting(c -> c.get("id").asString()).containsExactly(first.toString());
    }

    @Test
    void anArticleOnPostModerationStillHoldsFirstTimeCommentersUntilOneIsApproved() {
        UUID article = openArticle();
        assertThat(asModerator("PUT", "/moderation/articles/{id}/moderation-policy", Map.of("policy", "POST"),
                article).status()).isEqualTo(204);
        String newcomer = uniqueEmail();

        UUID first = postOk(article, "Hello from a new reader", newcomer, "HELD");
        assertThat(json(asModerator("GET", "/moderation/comments/{id}", null, first))
                .get("comment").get("statusReason").asString()).isEqualTo("first-time commenter");
        // A held comment was never shown, so this is still a first-timer.
        postOk(article, "Anyone there?", newcomer, "HELD");

        decide(first, "APPROVE", null);
        postOk(article, "Thanks for letting me in", newcomer, "VISIBLE");
    }
}
