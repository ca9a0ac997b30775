package io.newsroom.search.support;

import io.newsroom.events.ArticleChange;
import io.newsroom.events.ArticlePublished;
import io.newsroom.events.ArticleUnpublished;
import io.newsroom.events.ArticleUpdated;
import io.newsroom.events.Author;
import io.newsroom.events.CommentPosted;
import io.newsroom.events.CommentVisibility;
import io.newsroom.events.Dateline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Builds article and comment events the way article-service and comment-service publish them. */
public final class NewsEvents {

    private NewsEvents() {
    }

    /** The copy of one article. */
    public record Copy(String headline, String standfirst, String body, String section, List<String> tags,
                       List<String> authors, String dateline, boolean mustRead, Instant publishedAt) {

        public static Copy of(String headline, String body, String section, List<String> tags, Instant publishedAt) {
            return new Copy(headline, body.length() > 160 ? body.substring(0, 160) : body, body, section, tags,
                    List.of("Newsroom Staff"), "London", false, publishedAt);
        }

        public Copy withHeadline(String newHeadline) {
            return new Copy(newHeadline, standfirst, body, section, tags, authors, dateline, mustRead, publishedAt);
        }
    }

    public static ArticlePublished published(UUID id, long version, Copy copy) {
        return new ArticlePublished(id, version, slug(copy.headline()), copy.headline(), copy.standfirst(),
                new Dateline(copy.dateline(), ZoneId.of("UTC")), authors(copy), "<p>" + copy.body() + "</p>",
                copy.section(), copy.tags(), null, true, copy.mustRead(), copy.publishedAt(), copy.publishedAt(),
                List.of());
    }

    public static ArticleUpdated updated(UUID id, long version, Copy copy) {
        return new ArticleUpdated(id, version, ArticleChange.EDIT, slug(copy.headline()), copy.headline(),
                copy.standfirst(), new Dateline(copy.dateline(), ZoneId.of("UTC")), authors(copy),
                "<p>" + copy.body() + "</p>", copy.section(), copy.tags(), null, true, copy.mustRead(),
                copy.publishedAt(), Instant.now(), List.of());
    }

    public static ArticleUnpublished unpublished(UUID id, long version) {
        return new ArticleUnpublished(id, version, "slug-" + id, "legal", Instant.now());
    }

    public static CommentPosted commentPosted(UUID articleId, long count, long sequence) {
        return new CommentPosted(UUID.randomUUID(), articleId, null, "Reader", "Well said", Instant.now(),
                CommentVisibility.VISIBLE, count, sequence);
    }

    private static List<Author> authors(Copy copy) {
        return copy.authors().stream().map(name -> new Author(name, slug(name))).toList();
    }

    static String slug(String text) {
        String slug = text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "article" : slug.substring(0, Math.min(80, slug.length()));
    }
}
