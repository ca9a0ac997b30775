package io.newsroom.comment.counts;

import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.events.EventSchemas;
import io.newsroom.events.EventType;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.TopicReader;
import io.newsroom.infra.http.HttpTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentEventsIT extends IntegrationTest {

    @Test
    void postingAndModerationAreAnnouncedInOrderWithCountsAndNoEmail() {
        UUID article = openArticle();
        String email = uniqueEmail();
        UUID visible = postOk(article, "First visible", email, "VISIBLE");
        UUID held = postOk(article, "crypto held", uniqueEmail(), "HELD");
        decide(held, "APPROVE", null);
        decide(visible, "REMOVE", "abuse");

        List<ConsumerRecord<String, byte[]>> events = TopicReader.await(LocalKafka.shared().bootstrapServers(), Topics.COMMENT,
                r -> article.toString().equals(r.key()), 4, Duration.ofSeconds(30));
        assertThat(events).hasSize(4);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly("news.comment.posted.v1",
                "news.comment.posted.v1", "news.comment.moderated.v1", "news.comment.moderated.v1");
        for (ConsumerRecord<String, byte[]> event : events) {
            String payload = new String(event.value(), StandardCharsets.UTF_8);
            assertThat(payload).doesNotContainIgnoringCase(email).doesNotContain("@");
            EventSchemas.validate(EventType.fromCeType(header(event, "ce_type")).orElseThrow(), payload);
            assertThat(header(event, "ce_source")).isEqualTo("/newsroom/comment-service");
            assertThat(header(event, "ce_subject")).isEqualTo(article.toString());
        }
        List<JsonNode> payloads = events.stream().map(r -> HttpTestClient.JSON.readTree(r.value())).toList();
        assertThat(payloads).extracting(p -> p.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(payloads).extracting(p -> p.get("approvedCommentCount").asLong()).containsExactly(1L, 1L, 2L, 1L);
        assertThat(payloads.get(1).get("visibility").asString()).isEqualTo("HELD");
        assertThat(payloads.get(3).get("decision").asString()).isEqualTo("REMOVED");
    }

    @Test
    void spamIsNeverAnnounced() {
        UUID article = openArticle();
        var bot = comment(article, "bot", uniqueEmail());
        bot.put("website", "x");
        post(article, bot);
        postOk(article, "human", uniqueEmail(), "VISIBLE");
        var events = TopicReader.await(LocalKafka.shared().bootstrapServers(), Topics.COMMENT, r -> article.toString().equals(r.key()), 2, Duration.ofSeconds(10));
        assertThat(events).hasSize(1);
    }

    @Test
    void commentsAreTakenWhileKafkaIsDownAndAnnouncedOnceItIsBack() {
        UUID article = openArticle();
        LocalKafka.shared().stop();
        UUID during;
        try {
            during = postOk(article, "Posted during the outage", uniqueEmail(), "VISIBLE");
        } finally {
            LocalKafka.shared().start();
        }
        var events = TopicReader.await(LocalKafka.shared().bootstrapServers(), Topics.COMMENT, r -> article.toString().equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
        assertThat(HttpTestClient.JSON.readTree(events.getFirst().value()).get("commentId").asString()).isEqualTo(during.toString());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
