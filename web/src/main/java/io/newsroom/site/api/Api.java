package io.newsroom.site.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The public API's shapes as the site reads them (ISSUE-11 contract); unknown fields are ignored. */
public final class Api {

    private Api() {
    }

    public record Article(UUID id, String slug, String headline, String standfirst, Dateline dateline,
                          List<Author> byline, String body, String section, List<String> tags, HeroImage heroImage,
                          boolean commentsEnabled, Instant publishedAt, Instant updatedAt,
                          List<Correction> corrections, long version) {
        public Article {
            byline = byline == null ? List.of() : byline;
            tags = tags == null ? List.of() : tags;
            corrections = corrections == null ? List.of() : corrections;
            standfirst = standfirst == null ? "" : standfirst;
            body = body == null ? "" : body;
        }
    }

    public record Dateline(String place, String timeZone) {
    }

    public record Author(String name, String slug) {
    }

    public record HeroImage(String url, String altText, String caption, String credit) {
    }

    public record Correction(Instant correctedAt, String text) {
    }

    /** Latest News and Must Read entries (article-service). */
    public record Teaser(UUID id, String slug, String headline, String standfirst, String section,
                        Instant publishedAt, HeroImage heroImage) {
    }

    /** Search, related and latest-by-search entries (search-service). */
    public record Hit(String id, String slug, String headline, String standfirst, String section, List<String> tags,
                      List<String> authors, String dateline, Instant publishedAt, boolean mustRead, long commentCount,
                      Highlights highlights) {
        public Hit {
            tags = tags == null ? List.of() : tags;
            authors = authors == null ? List.of() : authors;
        }
    }

    /** Matched words wrapped in {@code <mark>}, the rest HTML-escaped (sanitized again before rendering). */
    public record Highlights(String headline, List<String> body) {
    }

    public record Listing<T>(List<T> items, String nextCursor) {
        public Listing {
            items = items == null ? List.of() : items;
        }

        public static <T> Listing<T> empty() {
            return new Listing<>(List.of(), null);
        }
    }

    public record SearchResults(List<Hit> items, String nextCursor, long total, Facets facets) {
        public SearchResults {
            items = items == null ? List.of() : items;
            facets = facets == null ? new Facets(List.of(), List.of(), List.of(), List.of()) : facets;
        }
    }

    public record Facets(List<Bucket> sections, List<Bucket> tags, List<Bucket> authors, List<Bucket> publishedByMonth) {
        public Facets {
            sections = sections == null ? List.of() : sections;
            tags = tags == null ? List.of() : tags;
            authors = authors == null ? List.of() : authors;
            publishedByMonth = publishedByMonth == null ? List.of() : publishedByMonth;
        }
    }

    public record Bucket(String value, long count) {
    }

    public record Comment(UUID id, UUID articleId, UUID parentId, String authorName, String body, String bodyHtml,
                          Instant postedAt, List<Comment> replies) {
        public Comment {
            replies = replies == null ? List.of() : replies;
        }
    }

    /** {@code GET /api/v1/pages/article/{slug}}: a missing part is null and named in degraded. */
    public record ArticlePage(Article article, Listing<Comment> comments, Long commentCount, Listing<Hit> related,
                              List<String> degraded) {
        public ArticlePage {
            comments = comments == null ? Listing.empty() : comments;
            related = related == null ? Listing.empty() : related;
            degraded = degraded == null ? List.of() : degraded;
        }
    }

    public record CommentForm(String formToken, String honeypotField, long minFillMillis) {
    }

    public record NewComment(String body, String authorName, String email, UUID parentId, String formToken,
                             String website) {
    }

    /** @param status VISIBLE or HELD */
    public record PostedComment(UUID id, String status, String message) {
        public boolean visible() {
            return "VISIBLE".equalsIgnoreCase(status);
        }
    }

    /** RFC 9457 problem as the API sends it. */
    public record Problem(String type, String title, String detail, Integer status, List<FieldError> errors) {
        public Problem {
            errors = errors == null ? List.of() : errors;
        }

        /** The last path segment of the type URI ({@code comment-flood}), or "" */
        public String kind() {
            return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
        }
    }

    public record FieldError(String field, String message) {
    }
}
