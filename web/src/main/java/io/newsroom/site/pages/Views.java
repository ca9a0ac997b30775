package io.newsroom.site.pages;

import java.util.List;
import java.util.Map;

/** What the templates render: display-ready values, nothing left for a template to compute. */
public final class Views {

    private Views() {
    }

    /** The frame of every page. */
    /** @param banner a line above the masthead (an editor's preview says it is one), null on reader pages */
    /** @param shareImage absolute URL of the site's card image, for pages (and articles) that have no picture of their own */
    /**
     * @param lang        BCP 47 language tag of the pages
     * @param ogLocale    the same for Open Graph ({@code en_US})
     * @param twitterSite the publication's {@code @handle}, or null
     */
    public record Chrome(String siteName, List<Link> sections, String css, String js, String icon, String shareImage,
                         String today, String todayIso, String query, String suggestUrl, String homeFeed, String banner,
                         String lang, String ogLocale, String twitterSite) {

        public Chrome withBanner(String text) {
            return new Chrome(siteName, sections, css, js, icon, shareImage, today, todayIso, query, suggestUrl, homeFeed, text,
                    lang, ogLocale, twitterSite);
        }
    }

    /** @param current marks the link of the page being shown ({@code aria-current}) */
    public record Link(String label, String url, boolean current) {
        public static Link of(String label, String url) {
            return new Link(label, url, false);
        }
    }

    /**
     * The document head.
     *
     * @param jsonLd already JSON-escaped for a {@code <script type="application/ld+json">} block, or null
     */
    public record Head(String title, String description, String canonical, String ogType, String image,
                       String imageAlt, String jsonLd, String feedUrl, String feedTitle, boolean noindex,
                       String publishedTime, String modifiedTime, String section, List<String> tags) {

        public static Head page(String title, String description, String canonical) {
            return new Head(title, description, canonical, "website", null, null, null, null, null, false, null, null,
                    null, List.of());
        }

        public Head withFeed(String url, String feedTitle) {
            return new Head(title, description, canonical, ogType, image, imageAlt, jsonLd, url, feedTitle, noindex,
                    publishedTime, modifiedTime, section, tags);
        }

        public Head noIndex() {
            return new Head(title, description, canonical, ogType, image, imageAlt, jsonLd, feedUrl, feedTitle, true,
                    publishedTime, modifiedTime, section, tags);
        }
    }

    /** A headline in a list. {@code comments} is null when the count is unknown. */
    public record Teaser(String url, String headline, String excerpt, Link section, String when, String iso,
                         Long comments) {
    }

    public record Home(Chrome chrome, Head head, List<Teaser> latest, String moreUrl, List<Teaser> mustRead) {
    }

    /** Section, tag and author pages. */
    public record Listing(Chrome chrome, Head head, String kind, String heading, List<Teaser> items, String moreUrl,
                          String feedUrl) {
    }

    public record Hero(String url, String alt, String caption, String credit) {
    }

    public record Correction(String when, String iso, String text) {
    }

    public record Comment(String id, String author, String when, String iso, String bodyHtml, String replyUrl,
                          List<Comment> replies) {
    }

    /**
     * The "Leave a reply" form.
     *
     * @param values what the reader typed, kept when a post is refused
     * @param errors a sentence per field ({@code body}, {@code authorName}, {@code email}), or {@code form}
     * @param notice after a post: what happened to it
     */
    public record CommentForm(boolean open, String closedReason, String action, String articleId, String csrfName, String csrfToken,
                              String formToken, String honeypotField, String parentId, String replyingTo,
                              Map<String, String> values, Map<String, String> errors, String notice,
                              boolean noticeHeld) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    public record Article(Chrome chrome, Head head, String headline, String standfirst, String date, String dateIso,
                          String updated, String updatedIso, String place, String localTime, List<Link> byline,
                          Hero hero, String bodyHtml, List<Correction> corrections, List<Link> tags, Link section,
                          List<Teaser> related, List<Teaser> latest, List<Comment> comments, long commentCount,
                          CommentForm form) {
    }

    /** One search hit: headline and snippets sanitized to {@code <mark>} only. */
    public record Hit(String url, String headlineHtml, List<String> snippetsHtml, Link section, String when,
                      String iso, String authors) {
    }

    /** A facet value that narrows (or, when {@code selected}, widens back) the search. */
    public record FacetValue(String label, long count, String url, boolean selected) {
    }

    public record Facet(String name, List<FacetValue> values) {
    }

    public record Search(Chrome chrome, Head head, String q, long total, List<Hit> hits, List<Facet> facets,
                         List<Link> sorts, List<Link> activeFilters, String nextUrl, String problem) {
    }

    public record Error(Chrome chrome, Head head, int status, String heading, String message) {
    }
}
