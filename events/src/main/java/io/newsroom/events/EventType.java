package io.newsroom.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event type: its {@code ce_type}, payload record, topic, producer and JSON Schema. */
public enum EventType {
    ARTICLE_PUBLISHED("news.article.published.v1", ArticlePublished.class, Topics.ARTICLE, EventSource.ARTICLE_SERVICE),
    ARTICLE_UPDATED("news.article.updated.v1", ArticleUpdated.class, Topics.ARTICLE, EventSource.ARTICLE_SERVICE),
    ARTICLE_UNPUBLISHED("news.article.unpublished.v1", ArticleUnpublished.class, Topics.ARTICLE, EventSource.ARTICLE_SERVICE),
    COMMENT_POSTED("news.comment.posted.v1", CommentPosted.class, Topics.COMMENT, EventSource.COMMENT_SERVICE),
    COMMENT_MODERATED("news.comment.moderated.v1", CommentModerated.class, Topics.COMMENT, EventSource.COMMENT_SERVICE);

    private final String ceType;
    private final Class<? extends NewsEvent> payloadType;
    private final String topic;
    private final EventSource source;

    EventType(String ceType, Class<? extends NewsEvent> payloadType, String topic, EventSource source) {
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.topic = topic;
        this.source = source;
    }

    /** The {@code ce_type} header value, e.g. {@code news.article.published.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends NewsEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    public EventSource source() {
        return source;
    }

    /** Classpath resource of this type's JSON Schema, e.g. {@code /schemas/news.article.published.v1.json}. */
    public String schemaPath() {
        return "/schemas/" + ceType + ".json";
    }

    /** The type of a {@code ce_type} header value; empty for types this build does not know (skip them). */
    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    /** The type of a payload; every {@link NewsEvent} record has exactly one. */
    public static EventType of(NewsEvent event) {
        return switch (event) {
            case ArticlePublished e -> ARTICLE_PUBLISHED;
            case ArticleUpdated e -> ARTICLE_UPDATED;
            case ArticleUnpublished e -> ARTICLE_UNPUBLISHED;
            case CommentPosted e -> COMMENT_POSTED;
            case CommentModerated e -> COMMENT_MODERATED;
        };
    }
}
