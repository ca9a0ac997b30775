package io.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final Instant CHANGED_AT = Instant.parse("2026-11-03T11:02:00Z");

    @Test
    void anArticleEventCarriesTheBinaryModeHeaders() {
        var envelope = EventEnvelope.of(SampleEvents.corrected(), CHANGED_AT);

        assertThat(envelope.toHeaders())
                .containsEntry("ce_source", "/newsroom/article-service")
                .containsEntry("ce_type", "news.article.updated.v1")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_time", "2026-11-03T11:02:00Z")
                .containsEntry("ce_subject", SampleEvents.ARTICLE_ID.toString())
                .containsEntry("content-type", "application/json")
                .containsKey("ce_id");
    }

    @Test
    void aCommentEventComesFromCommentServiceAndIsAboutItsArticle() {
        var envelope = EventEnvelope.of(SampleEvents.reply(), CHANGED_AT);

        assertThat(envelope.source()).isEqualTo("/newsroom/comment-service");
        assertThat(envelope.subject()).isEqualTo(SampleEvents.ARTICLE_ID.toString());
    }

    @Test
    void everyEventGetsItsOwnId() {
        assertThat(EventEnvelope.of(SampleEvents.approval(), CHANGED_AT).id())
                .isNotEqualTo(EventEnvelope.of(SampleEvents.approval(), CHANGED_AT).id());
    }

    @Test
    void headersReadBackFromKafkaBytes() {
        var sent = EventEnvelope.of(SampleEvents.unpublished(), CHANGED_AT);
        Map<String, Object> received = new HashMap<>();
        sent.toHeaders().forEach((name, value) -> received.put(name, value.getBytes(StandardCharsets.UTF_8)));

        assertThat(EventEnvelope.fromHeaders(received)).isEqualTo(sent);
    }

    @Test
    void aMissingHeaderIsNamed() {
        var headers = new HashMap<String, Object>(EventEnvelope.of(SampleEvents.reply(), CHANGED_AT).toHeaders());
        headers.remove("ce_subject");

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers)).hasMessage("Missing header ce_subject");
    }

    @Test
    void anUnknownTypeIsNamedSoConsumersCanSkipIt() {
        var headers = new HashMap<String, Object>(EventEnvelope.of(SampleEvents.reply(), CHANGED_AT).toHeaders());
        headers.put("ce_type", "news.comment.flagged.v1");

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers)).hasMessage("Unknown ce_type: news.comment.flagged.v1");
        assertThat(EventType.fromCeType("news.comment.flagged.v1")).isEmpty();
    }
}
