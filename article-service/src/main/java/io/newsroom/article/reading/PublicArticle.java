package io.newsroom.article.reading;

import io.newsroom.article.editorial.Article;
import io.newsroom.events.Author;
import io.newsroom.events.Correction;
import io.newsroom.events.Dateline;
import io.newsroom.events.HeroImage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article page as readers get it: the public state only (no workflow fields). */
public record PublicArticle(
        UUID id,
        String slug,
        String headline,
        String standfirst,
        Dateline dateline,
        List<Author> byline,
        String body,
        String section,
        List<String> tags,
        HeroImage heroImage,
        boolean commentsEnabled,
        Instant publishedAt,
        Instant updatedAt,
        List<Correction> corrections,
        long version) {

    static PublicArticle of(Article a) {
        return new PublicArticle(a.id(), a.slug(), a.headline(), a.standfirst(), a.dateline(), a.byline(), a.body(),
                a.section(), a.tags(), a.heroImage(), a.commentsEnabled(), a.publishedAt(), a.updatedAt(),
                a.corrections(), a.version());
    }
}
