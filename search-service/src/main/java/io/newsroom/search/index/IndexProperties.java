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
 * @param replicas           replica copies of every shard ({@code index.number_of_replicas}), applied when an index is
 *                           created (first start, rebuild) and to the existing indices on start: 0 on a one-node
 *                           local Elasticsearch, at least 1 in production so a node restart keeps search online
 */
@ConfigurationProperties("newsroom.search.index")
public record IndexProperties(
        @DefaultValue("articles") String alias,
        @DefaultValue("standard") String analyzer,
        @DefaultValue("article-comment-counts") String commentCountsIndex,
        @DefaultValue("0") int replicas) {

    public IndexProperties {
        if (replicas < 0) {
            throw new IllegalArgumentException("newsroom.search.index.replicas must be >= 0, was " + replicas);
        }
    }
}
