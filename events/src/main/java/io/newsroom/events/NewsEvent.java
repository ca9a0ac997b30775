package io.newsroom.events;

import java.util.UUID;

/** Any event payload. Every event concerns one article, whose id is the Kafka key and {@code ce_subject}. */
public sealed interface NewsEvent
        permits ArticleState, ArticleUnpublished, CommentPosted, CommentModerated {

    UUID articleId();
}
