package io.newsroom.outbox;

import io.newsroom.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** An outbox row waiting for the relay. */
record PendingEvent(long id, String topic, String key, UUID ceId, String type, String source, String subject,
                    Instant time, String payload, String traceparent) {

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The same row, to be sent with another trace context (the relay's own span, see {@link RelayTracing}). */
    PendingEvent withTraceparent(String traceparent) {
        return new PendingEvent(id, topic, key, ceId, type, source, subject, time, payload, traceparent);
    }

    /** CloudEvents binary mode: attributes as {@code ce_*} headers, the JSON payload as the value. */
    ProducerRecord<String, byte[]> toRecord() {
        var headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, ceId.toString());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TYPE, type);
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.TIME, time.toString());
        header(headers, CloudEventHeaders.SUBJECT, subject);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        if (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) {
            header(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return new ProducerRecord<>(topic, null, key, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
