package io.newsroom.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks event payloads against the JSON Schemas in {@code /schemas}. Producers' tests run every
 * event they produce through {@link #validate(NewsEvent)}, so a record and its schema cannot drift.
 */
public final class EventSchemas {

    private static final Map<EventType, Schema> SCHEMAS = load();

    private EventSchemas() {
    }

    /** Serializes the event as it goes on the wire and checks it against its type's schema. */
    public static void validate(NewsEvent event) {
        EventType type = EventType.of(event);
        validate(type, EventJson.mapper().valueToTree(event));
    }

    /** @throws InvalidEventException naming each failing field */
    public static void validate(EventType type, String json) {
        validate(type, EventJson.mapper().readTree(json));
    }

    /** @throws InvalidEventException naming each failing field */
    public static void validate(EventType type, JsonNode json) {
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type, violations);
        }
    }

    /** Every violation as {@code <path>: <message>}; empty when the payload is valid. */
    public static List<String> violations(EventType type, JsonNode json) {
        return SCHEMAS.get(type).validate(json).stream().map(EventSchemas::describe).toList();
    }

    /** The schema document itself, e.g. to publish or to compare with a record's properties. */
    public static JsonNode schemaOf(EventType type) {
        return SCHEMAS.get(type).getSchemaNode();
    }

    /** {@code <JSON Pointer of the field>: <what is wrong>}, e.g. {@code /headline: required property 'headline' not found}. */
    private static String describe(com.networknt.schema.Error error) {
        String field = error.getInstanceLocation().toString();
        // "required" and "additionalProperties" are reported on the parent object; point at the field itself.
        if (error.getProperty() != null) {
            field = field + "/" + error.getProperty();
        }
        return (field.isEmpty() ? "(event)" : field) + ": " + error.getMessage();
    }

    private static Map<EventType, Schema> load() {
        // Draft 2020-12 treats "format" as an annotation only; we want uuid/date-time/uri enforced.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        var schemas = new EnumMap<EventType, Schema>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaPath())) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema resource " + type.schemaPath());
                }
                Schema schema = registry.getSchema(in);
                schema.initializeValidators(); // resolve $refs now, not on the first event
                schemas.put(type, schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
