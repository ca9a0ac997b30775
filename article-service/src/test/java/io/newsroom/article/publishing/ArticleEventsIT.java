package io.newsroom.article.publishing;

import io.newsroom.article.Api;
import io.newsroom.article.ArticleServiceTest;
import io.newsroom.article.Drafts;
import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventSchemas;
import io.newsroom.events.EventSource;
import io.newsroom.events.Topics;
import io.newsroom.infra.LocalKafka;
import io.newsroom.infra.TopicReader;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What leaves the service: one schema-valid event per public change, none for drafts. */
@ArticleServiceTest
class ArticleEventsIT {

    @LocalServerPort
    int port;

    @Test
    void everyPublicChangeIsAnnouncedAndDraftsNeverLeave() {
        var api = new Api(port);
        HttpTestResponse draft = api.edit("POST", "/editor/articles", Drafts.copy("Events story"), "alice", null);
        String id = draft.json().get("id").asString();
        String path = "/editor/articles/" + id;
        // Draft work: edits, a schedule and its cancellation. None of it is public.
        HttpTestResponse edited = api.edit("PUT", path, Drafts.copy("Events story, draft two"), "alice", draft.header("ETag"));
        HttpTestResponse scheduled = api.edit("POST", path + "/schedule", Map.of("publishAt", Instant.now().plusSeconds(3600).toString()),
                "alice", edited.header("ETag"));
        HttpTestResponse cancelled = api.edit("DELETE", path + "/schedule", null, "alice", scheduled.header("ETag"));

        HttpTestResponse published = api.edit("POST", path + "/publish", null, "alice", cancelled.header("ETag"));
        HttpTestResponse updated = api.edit("PUT", path, Drafts.copy("Events story, updated"), "bob", published.header("ETag"));
        HttpTestResponse picked = api.edit("PUT", "/editor/must-read", Map.of("picks", List.of(
                Map.of("articleId", id, "expiresAt", Instant.now().plusSeconds(3600).toString()))), "carol", null);
        assertThat(picked.status()).isEqualTo(204);
        HttpTestResponse current = api.edit("GET", path, null, "alice", null);
        HttpTestResponse corrected = api.edit("POST", path + "/corrections", Map.of("text", "Corrected a name."), "bob", current.header("ETag"));
        HttpTestResponse unpublished = api.edit("POST", path + "/unpublish", Map.of("reason", "Legal"), "dave", corrected.header("ETag"));
        assertThat(unpublished.status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> events;
        try (var reader = new TopicReader(LocalKafka.shared().bootstrapServers(), Topics.ARTICLE)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                events = reader.await(Integer.MAX_VALUE, Duration.ofMillis(500)).stream().filter(r -> r.key().equals(id)).toList();
            } while (events.size() < 5 && System.nanoTime() < deadline);
        }

        var summary = new ArrayList<String>();
        for (var event : events) {
            EventEnvelope envelope = EventEnvelope.fromHeaders(headers(event));
            String json = new String(event.value(), StandardCharsets.UTF_8);
            EventSchemas.validate(envelope.type(), json);
            assertThat(envelope.source()).isEqualTo(EventSource.ARTICLE_SERVICE.uri());
            assertThat(envelope.subject()).isEqualTo(id);
            JsonNode payload = HttpTestClient.JSON.readTree(json);
            summary.add(envelope.type().ceType() + " v" + payload.get("version").asLong()
                    + (payload.has("change") ? " " + payload.get("change").asString() : "")
                    + (payload.has("mustRead") ? " mustRead=" + payload.get("mustRead").asBoolean() : ""));
        }
        assertThat(summary).containsExactly(
                "news.article.published.v1 v5 mustRead=false",
                "news.article.updated.v1 v6 EDIT mustRead=false",
                "news.article.updated.v1 v7 MUST_READ mustRead=true",
                "news.article.updated.v1 v8 CORRECTION mustRead=true",
                "news.article.unpublished.v1 v9");
    }

    private static Map<String, Object> headers(ConsumerRecord<String, byte[]> record) {
        var headers = new HashMap<String, Object>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
