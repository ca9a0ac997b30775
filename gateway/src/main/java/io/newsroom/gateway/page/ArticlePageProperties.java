package io.newsroom.gateway.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the article page's parts come from (paths on the services' base URLs; {@code {slug}} and
 * {@code {articleId}} are filled in), how long each part may take before the page goes out without it, and how
 * long a cache may keep a page that went out without a part ({@code degradedMaxAge}).
 */
@ConfigurationProperties("newsroom.gateway.article-page")
public record ArticlePageProperties(String articlePath, String commentsPath, String commentCountPath,
                                    String relatedPath, Duration articleTimeout, Duration partTimeout,
                                    Duration degradedMaxAge) {

    public ArticlePageProperties {
        articlePath = articlePath == null ? "/articles/{slug}" : articlePath;
        commentsPath = commentsPath == null ? "/articles/{articleId}/comments?limit=20" : commentsPath;
        commentCountPath = commentCountPath == null ? "/comment-counts?articleIds={articleId}" : commentCountPath;
        relatedPath = relatedPath == null ? "/articles/{articleId}/related?limit=5" : relatedPath;
        articleTimeout = articleTimeout == null ? Duration.ofSeconds(2) : articleTimeout;
        partTimeout = partTimeout == null ? Duration.ofMillis(800) : partTimeout;
        degradedMaxAge = degradedMaxAge == null ? Duration.ofSeconds(5) : degradedMaxAge;
    }
}
