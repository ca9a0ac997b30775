package io.newsroom.events;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: the attribute headers Newsroom sets. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    /** The article id the event is about. */
    public static final String SUBJECT = "ce_subject";
    /** In binary mode {@code datacontenttype} travels as the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }
}
