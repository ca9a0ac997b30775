package io.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records are the schemas: what a producer serializes has exactly the documented shape. */
class EventJsonRoundTripTest {

    private final JsonMapper json = EventJson.mapper();

    static Stream<NewsEvent> samples() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedRecordValidatesAgainstItsSchema(NewsEvent event) {
        assertThatCode(() -> EventSchemas.validate(event)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedRecordHasExactlyTheSchemaProperties(NewsEvent event) {
        JsonNode schema = EventSchemas.schemaOf(EventType.of(event));
        assertSameShape(json.valueToTree(event), schema, schema, "$");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordSurvivesTheRoundTrip(NewsEvent event) {
        String wire = json.writeValueAsString(event);
        assertThat(json.readValue(wire, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaExampleReadsIntoTheRecordAndBackUnchanged(EventType type) {
        JsonNode example = EventSchemas.schemaOf(type).get("examples").get(0);
        NewsEvent event = json.treeToValue(example, type.payloadType());
        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(example);
    }

    @Test
    void instantsAndZonesAreIsoStrings() {
        JsonNode tree = json.valueToTree(SampleEvents.corrected());
        assertThat(tree.get("publishedAt").asString()).isEqualTo("2026-11-03T07:30:00Z");
        assertThat(tree.get("updatedAt").asString()).isEqualTo("2026-11-03T11:02:00.123456Z");
        assertThat(tree.get("dateline").get("timeZone").asString()).isEqualTo("Asia/Jerusalem");
    }

    @Test
    void nullableFieldsAreWrittenAsNull() {
        var topLevel = new CommentPosted(SampleEvents.COMMENT_ID, SampleEvents.ARTICLE_ID, null, "Miriam", "First!",
                SampleEvents.reply().postedAt(), CommentVisibility.VISIBLE, 1, 1);
        JsonNode tree = json.valueToTree(topLevel);
        assertThat(tree.has("parentId")).isTrue();
        assertThat(tree.get("parentId").isNull()).isTrue();
        EventSchemas.validate(topLevel);
    }

    @Test
    void aConsumerIgnoresFieldsAddedLaterInV1EvenWithAStrictMapper() {
        var strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        var withNewField = (tools.jackson.databind.node.ObjectNode) json.valueToTree(SampleEvents.approval());
        withNewField.put("moderatorNote", "added in a later v1");

        assertThat(strict.treeToValue(withNewField, CommentModerated.class)).isEqualTo(SampleEvents.approval());
        assertThat(json.treeToValue(withNewField, CommentModerated.class)).isEqualTo(SampleEvents.approval());
    }

    @Test
    void commentEventsNeverCarryAnEmail() {
        assertThat(fieldNames(json.valueToTree(SampleEvents.reply()))).noneMatch(name -> name.toLowerCase().contains("email"));
        assertThat(fieldNames(EventSchemas.schemaOf(EventType.COMMENT_POSTED).get("properties")))
                .noneMatch(name -> name.toLowerCase().contains("email"));
    }

    /** Walks value and schema together: every object has exactly the properties its schema declares. */
    private static void assertSameShape(JsonNode value, JsonNode schema, JsonNode root, String path) {
        if (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asString().substring(1));
        }
        if (value.isObject()) {
            assertThat(fieldNames(value)).as("properties of %s", path).isEqualTo(fieldNames(schema.get("properties")));
            for (String name : fieldNames(value)) {
                assertSameShape(value.get(name), schema.get("properties").get(name), root, path + "." + name);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                assertSameShape(value.get(i), schema.get("items"), root, path + "[" + i + "]");
            }
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }
}
