package io.newsroom.comment.moderation;

import io.newsroom.comment.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The moderation gauges at /actuator/prometheus agree with the moderators' own queues. Other test
 * classes share the database, so the figure checked is the queue total, not a fixed number.
 */
class ModerationBacklogIT extends IntegrationTest {

    @Test
    void heldAndReportedGaugesFollowTheQueues() {
        UUID article = openArticle();
        postOk(article, "Is crypto the answer?", uniqueEmail(), "HELD");
        UUID reported = postOk(article, "A plain opinion", uniqueEmail(), "VISIBLE");
        report(reported, nextAddress());
        report(reported, nextAddress()); // the threshold in these tests is 2

        // Up to ModerationBacklog.MAX_AGE stale by design, hence the wait.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String metrics = management("/actuator/prometheus").body();
            assertThat(gauge(metrics, "newsroom_comments_held")).isGreaterThanOrEqualTo(1)
                    .isEqualTo(queueTotal("HELD"));
            assertThat(gauge(metrics, "newsroom_comments_reported")).isGreaterThanOrEqualTo(1)
                    .isEqualTo(queueTotal("REPORTED"));
        });
    }

    private long queueTotal(String queue) {
        return json(asModerator("GET", "/moderation/queues/{q}?limit=1", null, queue)).get("total").asLong();
    }

    private static long gauge(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(name + " in /actuator/prometheus").isTrue();
        return (long) Double.parseDouble(line.group(1));
    }

    private void report(UUID commentId, String address) {
        assertThat(report(commentId, Map.of("reason", "abusive"), address).status()).isEqualTo(202);
    }
}
