package io.newsroom.article;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * @param sections       the sections an article may be filed under
 * @param maxRequestSize larger request bodies get 413
 * @param cacheMaxAge    {@code Cache-Control: max-age} of public article pages
 * @param schedulerTick  how often due scheduled articles are looked for (fires within this of the due time)
 */
@ConfigurationProperties("newsroom.articles")
public record ArticleProperties(
        @DefaultValue({"world", "politics", "business", "science", "technology", "health", "crime", "sport", "culture", "opinion"})
        List<String> sections,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("60s") Duration cacheMaxAge,
        @DefaultValue("1s") Duration schedulerTick) {
}
