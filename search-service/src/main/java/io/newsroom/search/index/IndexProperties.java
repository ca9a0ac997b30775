package io.newsroom.search.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the read model lives.
 *
 * @param alias              the alias every reader and the live indexer go through; rebuilds swap what it points at
 * @param analyzer           analyzer of the text fields: {@code standard} works on the minimal local
 *                           Elasticsearch, production sets a language analyzer such as {@code english}
 * @param commentCountsIndex the small per-article comment count index (see {@link CommentCountIndex})
 */
@ConfigurationProperties("newsroom.search.index")
public record IndexProperties(
        @DefaultValue("articles") String alias,
        @DefaultValue("standard") String analyzer,
        @DefaultValue("article-comment-counts") String commentCountsIndex) {
}
