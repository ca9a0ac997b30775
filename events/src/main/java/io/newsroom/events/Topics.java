package io.newsroom.events;

import java.util.UUID;

/** Kafka topic names and the partition key rule. Topic settings are in {@code events/asyncapi.yaml}. */
public final class Topics {

    /** Article events; compacted, so the latest state of every article can always be replayed. */
    public static final String ARTICLE = "news.article";

    /** Comment events; deleted after 14 days. */
    public static final String COMMENT = "news.comment";

    /** Article events a consumer gave up on after its retries; read by operators only. */
    public static final String ARTICLE_DLT = "news.article.dlt";

    /** Comment events a consumer gave up on after its retries; read by operators only. */
    public static final String COMMENT_DLT = "news.comment.dlt";

    private Topics() {
    }

    /**
     * The record key: the article id, so all events of one article land on one partition, in order.
     * Comment events use the article's id too, which keeps a thread's count updates ordered.
     */
    public static String keyFor(UUID articleId) {
        return articleId.toString();
    }

    public static String keyFor(NewsEvent event) {
        return keyFor(event.articleId());
    }
}
