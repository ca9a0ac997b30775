package io.newsroom.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.events.EventEnvelope;
import io.newsroom.events.EventJson;
import io.newsroom.search.support.NewsEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArticleEventReaderTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void publishedEventBecomesAPlainTextDocumentAtItsVersion() {
        var event = NewsEvents.published(id, 4, NewsEvents.Copy.of("Storm hits coast", "Winds &amp; rain", "world",
                List.of("Weather"), Instant.parse("2024-01-01T00:00:00Z")));

        ArticleRevision revision = ArticleEventReader.read(headers(event), bytes(event)).orElseThrow();

        assertThat(revision.version()).isEqualTo(4);
        assertThat(revision.document().body()).isEqualTo("Winds & rain");
        assertThat(revision.document().suggest().input()).containsExactly("Storm hits coast", "Weather");
        assertThat(revision.document().isPublished()).isTrue();
    }

    @Test
    void unpublishedEventBecomesATombstone() {
        var event = NewsEvents.unpublished(id, 5);

        ArticleRevision revision = ArticleEventReader.read(headers(event), bytes(event)).orElseThrow();

        assertThat(revision.document().isPublished()).isFalse();
        assertThat(revision.document().headline()).isNull();
        assertThat(revision.version()).isEqualTo(5);
    }

    @Test
    void unknownTypesAreSkippedAndBrokenRecordsArePoison() {
        var event = NewsEvents.unpublished(id, 5);
        Map<String, Object> unknown = headers(event);
        unknown.put("ce_type", "news.article.featured.v1");
        assertThat(ArticleEventReader.read(unknown, bytes(event))).isEmpty();

        assertThatThrownBy(() -> ArticleEventReader.read(headers(event), "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class);
        Map<String, Object> noTime = headers(event);
        noTime.remove("ce_time");
        assertThatThrownBy(() -> ArticleEventReader.read(noTime, bytes(event))).isInstanceOf(PoisonEventException.class);
    }

    private static Map<String, Object> headers(io.newsroom.events.NewsEvent event) {
        Map<String, Object> headers = new HashMap<>();
        EventEnvelope.of(event, Instant.now()).toHeaders()
                .forEach((k, v) -> headers.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static byte[] bytes(io.newsroom.events.NewsEvent event) {
        return EventJson.mapper().writeValueAsBytes(event);
    }
}
