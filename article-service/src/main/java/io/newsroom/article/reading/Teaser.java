package io.newsroom.article.reading;

import io.newsroom.article.editorial.Article;
import io.newsroom.events.HeroImage;

import java.time.Instant;
import java.util.UUID;

/** A Latest News / Must Read entry: headline plus the standfirst as excerpt. */
public record Teaser(UUID id, String slug, String headline, String standfirst, String section, Instant publishedAt,
                     HeroImage heroImage) {

    static Teaser of(Article a) {
        return new Teaser(a.id(), a.slug(), a.headline(), a.standfirst(), a.section(), a.publishedAt(), a.heroImage());
    }
}
