package io.newsroom.article.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.article.Api;
import io.newsroom.article.ArticleServiceTest;
import io.newsroom.article.Drafts;
import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.TopicReader;
import io.newsroom.infra.http.HttpTestResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One trace from the editor's click: the publish request arrives with the caller's W3C traceparent (the gateway or
 * the editor's browser sends one), article-service's request span joins that trace, and the event the outbox relay
 * publishes carries it as the CloudEvents traceparent extension (ce_traceparent) - search-service continues it there
 * (search-service ArticleEventsIT).
 */
@ArticleServiceTest
class PublishTraceIT {

    @LocalServerPort
    int port;

    @Test
    void thePublishedEventCarriesTheTraceOfThePublishRequest() throws Exception {
        var api = new Api(port);
        var draft = api.edit("POST", "/editor/articles", Drafts.copy("Traced story"), "alice", null);
        String id = draft.json().get("id").asString();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        HttpTestResponse published = api.send("POST", "/editor/articles/" + id + "/publish", null,
                "Authorization", "Bearer " + Api.editorToken("alice"),
                "If-Match", draft.header("ETag"),
                "traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01");
        assertThat(published.status()).isEqualTo(200);

        try (var reader = new TopicReader(LocalKafka.shared().bootstrapServers(), Topics.ARTICLE)) {
            List<ConsumerRecord<String, byte[]>> events;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                events = reader.await(Integer.MAX_VALUE, Duration.ofMillis(500)).stream().filter(r -> r.key().equals(id)).toList();
            } while (events.isEmpty() && System.nanoTime() < deadline);
            assertThat(events).hasSize(1);
            var header = events.getFirst().headers().lastHeader(CloudEventHeaders.TRACEPARENT);
            assertThat(header).as("ce_traceparent of the published event").isNotNull();
            String traceparent = new String(header.value(), StandardCharsets.UTF_8);
            // The same trace id end to end; the parent id is the outbox relay's span (a child of the request's).
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        }
    }
}
