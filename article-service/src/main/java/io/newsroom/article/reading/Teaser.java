package io.newsroom.article.reading;

import io.newsroom.events.HeroImage;

import java.time.Instant;
import java.util.UUID;

/** A Latest News / Must Read entry: headline plus the standfirst as excerpt. */
public record Teaser(UUID id, String slug, String headline, String standfirst, String section, Instant publishedAt,
                     HeroImage heroImage) {
}
