package io.newsroom.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: the attribute headers Newsroom sets. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    /** The article id the event is about. */
    public static final String SUBJECT = "ce_subject";
    /**
     * CloudEvents Distributed Tracing extension, attribute {@code traceparent} (W3C Trace Context,
     * {@code 00-<trace-id>-<parent-id>-<flags>}): the trace of the request that made the change, so a consumer's work
     * joins the producer's trace. Optional: absent when the change was made outside any trace.
     */
    public static final String TRACEPARENT = "ce_traceparent";
    /** In binary mode {@code datacontenttype} travels as the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * A header's value as text, or null when absent: the Kafka binding hands headers over as bytes, Spring messaging
     * sometimes as strings.
     */
    public static String text(Map<String, ?> headers, String name) {
        return switch (headers.get(name)) {
            case null -> null;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case Object value -> value.toString();
        };
    }
}
