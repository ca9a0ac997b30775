package io.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeNamesItsTopicAndVersion(EventType type) {
        assertThat(type.ceType()).startsWith(type.topic() + ".").endsWith(".v1");
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
        assertThat(EventSchemas.class.getResource(type.schemaPath())).isNotNull();
    }

    @Test
    void eachPayloadKnowsItsType() {
        assertThat(SampleEvents.all()).allSatisfy(event -> assertThat(EventType.of(event).payloadType())
                .isEqualTo(event.getClass()));
    }

    @Test
    void articleAndCommentEventsOfOneArticleShareAKeyAndSoAPartition() {
        String key = SampleEvents.ARTICLE_ID.toString();

        assertThat(SampleEvents.all()).extracting(Topics::keyFor).containsOnly(key);
    }

    @Test
    void articleEventsGoToTheCompactedArticleTopic() {
        assertThat(EventType.ARTICLE_PUBLISHED.topic()).isEqualTo("news.article");
        assertThat(EventType.ARTICLE_UPDATED.topic()).isEqualTo("news.article");
        assertThat(EventType.ARTICLE_UNPUBLISHED.topic()).isEqualTo("news.article");
        assertThat(EventType.COMMENT_POSTED.topic()).isEqualTo("news.comment");
        assertThat(EventType.COMMENT_MODERATED.topic()).isEqualTo("news.comment");
    }
}
