package io.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachSchemaExampleIsValid(EventType type) {
        JsonNode examples = EventSchemas.schemaOf(type).get("examples");
        assertThat(examples).hasSize(1);
        assertThatCode(() -> EventSchemas.validate(type, examples.get(0))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachSchemaIsClosedAndRequiresEveryField(EventType type) {
        JsonNode schema = EventSchemas.schemaOf(type);
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).endsWith("/" + type.ceType() + ".json");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        var required = new TreeSet<String>();
        schema.get("required").forEach(name -> required.add(name.asString()));
        assertThat(required).isEqualTo(new TreeSet<>(schema.get("properties").propertyNames()));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        ObjectNode event = example(EventType.ARTICLE_PUBLISHED);
        event.remove("headline");

        assertThatThrownBy(() -> EventSchemas.validate(EventType.ARTICLE_PUBLISHED, event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("news.article.published.v1")
                .hasMessageContaining("/headline: required property 'headline' not found");
    }

    @Test
    void anUndeclaredFieldIsNamed() {
        ObjectNode event = example(EventType.COMMENT_POSTED);
        event.put("email", "miriam@example.org");

        assertThatThrownBy(() -> EventSchemas.validate(EventType.COMMENT_POSTED, event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/email: ");
    }

    @Test
    void aMalformedTimestampIsNamed() {
        ObjectNode event = example(EventType.COMMENT_MODERATED);
        event.put("moderatedAt", "yesterday");

        assertThatThrownBy(() -> EventSchemas.validate(EventType.COMMENT_MODERATED, event.toString()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("/moderatedAt: ");
    }

    @Test
    void aMalformedIdIsNamed() {
        ObjectNode event = example(EventType.ARTICLE_UNPUBLISHED);
        event.put("articleId", "42");

        assertThatThrownBy(() -> EventSchemas.validate(EventType.ARTICLE_UNPUBLISHED, event))
                .hasMessageContaining("articleId");
    }

    @Test
    void aRelativeHeroImageUrlIsNamed() {
        ObjectNode event = example(EventType.ARTICLE_UPDATED);
        ((ObjectNode) event.get("heroImage")).put("url", "not a uri");

        assertThatThrownBy(() -> EventSchemas.validate(EventType.ARTICLE_UPDATED, event))
                .hasMessageContaining("/heroImage/url");
    }

    @Test
    void anUnknownChangeIsNamed() {
        ObjectNode event = example(EventType.ARTICLE_UPDATED);
        event.put("change", "REWRITE");

        assertThatThrownBy(() -> EventSchemas.validate(EventType.ARTICLE_UPDATED, event))
                .hasMessageContaining("change");
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        ObjectNode event = example(EventType.COMMENT_POSTED);
        event.remove("authorName");
        event.put("sequence", 0);

        assertThatThrownBy(() -> EventSchemas.validate(EventType.COMMENT_POSTED, event))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .hasSize(2)
                        .anySatisfy(v -> assertThat(v).contains("authorName"))
                        .anySatisfy(v -> assertThat(v).contains("sequence")));
    }

    private static ObjectNode example(EventType type) {
        return (ObjectNode) EventSchemas.schemaOf(type).get("examples").get(0).deepCopy();
    }
}
