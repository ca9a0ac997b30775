package io.newsroom.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents attributes of one event, i.e. the Kafka headers beside the JSON payload.
 *
 * @param id      unique per event; consumers may use it to drop duplicates
 * @param time    when the change happened (not when the relay sent it)
 * @param subject the article id, same as the record key
 */
public record EventEnvelope(String id, EventType type, Instant time, String subject) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new envelope for a payload: fresh id, type and subject taken from the payload. */
    public static EventEnvelope of(NewsEvent payload, Instant time) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventType.of(payload), time,
                Topics.keyFor(payload));
    }

    public String source() {
        return type.source().uri();
    }

    /** The headers to send, in a stable order; values are strings (encode as UTF-8 bytes). */
    public Map<String, String> toHeaders() {
        var headers = new LinkedHashMap<String, String>();
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.SOURCE, source());
        headers.put(CloudEventHeaders.TYPE, type.ceType());
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return headers;
    }

    /**
     * Reads received headers (values as {@code String} or UTF-8 {@code byte[]}).
     *
     * @throws IllegalArgumentException naming the header that is missing or wrong; an unknown
     *                                  {@code ce_type} is reported too, so callers can skip it
     */
    public static EventEnvelope fromHeaders(Map<String, ?> headers) {
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new IllegalArgumentException("Unsupported " + CloudEventHeaders.SPEC_VERSION + ": " + specVersion);
        }
        String ceType = header(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromCeType(ceType).orElseThrow(
                () -> new IllegalArgumentException("Unknown " + CloudEventHeaders.TYPE + ": " + ceType));
        String time = header(headers, CloudEventHeaders.TIME);
        try {
            return new EventEnvelope(header(headers, CloudEventHeaders.ID), type, Instant.parse(time),
                    header(headers, CloudEventHeaders.SUBJECT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Malformed " + CloudEventHeaders.TIME + ": " + time, e);
        }
    }

    private static String header(Map<String, ?> headers, String name) {
        String value = CloudEventHeaders.text(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("Missing header " + name);
        }
        return value;
    }
}
