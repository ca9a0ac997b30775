package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of event payloads, shared by producers, consumers and tests so all agree on the
 * wire format. Settings that are already Jackson 3 defaults are still set here: the contract must
 * not move if a default does.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {
    }

    /** A ready mapper (thread-safe, immutable). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Applies the event settings to a builder, e.g. to derive from a service's own mapper. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                // Instants as ISO-8601 strings ("2026-11-03T09:15:00Z"), as the schemas' date-time format says.
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Nullable fields are written as null, never dropped: the schemas list every field as required.
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
                // Fields in record order (articleId first) rather than Jackson 3's alphabetical default.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // Tolerant reader: v1 may gain fields (see asyncapi.yaml); older consumers ignore them. The
                // records say so too, for mappers configured to reject unknown fields (HTTP bodies).
                // Missing fields are not rejected here either: a field added in v1 is absent from
                // older events still on the compacted topic.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // An explicit null for a number or flag is a broken event, not a zero or false.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
