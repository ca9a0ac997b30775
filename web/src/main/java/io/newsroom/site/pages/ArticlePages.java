package io.newsroom.site.pages;

import io.newsroom.site.api.Api;
import io.newsroom.site.api.ApiException;
import io.newsroom.site.api.ArticleLookup;
import io.newsroom.site.api.CommentFormLookup;
import io.newsroom.site.api.Gateway;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The article page and its "Leave a reply" form. */
@Controller
class ArticlePages {

    /** The page holds a per-reader CSRF token in its form, so only the reader's own browser may keep it. */
    private static final CacheControl ARTICLE_CACHE = CacheControl.noCache().cachePrivate();

    private final Gateway gateway;
    private final Pages pages;
    private final ArticleMarkup markup;

    ArticlePages(Gateway gateway, Pages pages, ArticleMarkup markup) {
        this.gateway = gateway;
        this.pages = pages;
        this.markup = markup;
    }

    @GetMapping("/articles/{slug}")
    ResponseEntity<String> article(@PathVariable String slug, @RequestParam(required = false) String replyTo,
                                   @RequestParam(required = false) String posted, HttpServletRequest http,
                                   WebRequest request) {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 100) {
            return missing();
        }
        var rail = Parallel.start(() -> gateway.latest(null, null, null, 6, null));
        ArticleLookup lookup = gateway.articlePage(slug);
        return switch (lookup) {
            case ArticleLookup.Moved moved -> ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(Pages.articleUrl(moved.slug()))).cacheControl(pages.listCache()).build();
            case ArticleLookup.NotFound notFound -> missing();
            case ArticleLookup.Gone gone -> pages.html(HttpStatus.GONE, "error", pages.error(410, "This article has been withdrawn",
                    "The article that was published at this address has been withdrawn by the editors."), pages.listCache());
            case ArticleLookup.Found found -> {
                Api.ArticlePage page = found.page();
                Api.Article article = page.article();
                CommentFormLookup token = commentForm(article);
                String notice = "visible".equals(posted) ? "Thank you: your comment is published."
                        : "held".equals(posted) ? "Thank you: your comment is awaiting moderation. It appears here once a moderator has approved it."
                        : null;
                Views.CommentForm form = form(http, article, token, replyParent(page, replyTo), Map.of(), Map.of(),
                        notice, "held".equals(posted));
                List<Api.Teaser> latest = Parallel.joinOr(rail, Api.Listing.<Api.Teaser>empty()).items();
                String html = pages.render("article", markup.view(page, latest, form));
                String etag = Caching.tag(found.etag(), String.valueOf(latest.stream().map(Api.Teaser::id).toList()),
                        token.getClass().getSimpleName(), replyTo, posted);
                yield Caching.respond(request, html, etag, article.updatedAt(), ARTICLE_CACHE);
            }
        };
    }

    /**
     * A reader's comment. Without JavaScript: a 303 back to the article saying whether it is visible or held, or
     * the page again with a sentence next to the field and the text kept. With JavaScript (Accept: JSON): the
     * same outcome as JSON for site.js.
     */
    @PostMapping(path = "/articles/{slug}/comments")
    ResponseEntity<?> post(@PathVariable String slug, @RequestParam MultiValueMap<String, String> fields,
                           @RequestHeader(name = "Accept", defaultValue = "text/html") String accept,
                           HttpServletRequest http) {
        boolean json = accept.contains("application/json");
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("body", "authorName", "email", "parentId")) {
            values.put(field, Optional.ofNullable(fields.getFirst(field)).orElse(""));
        }
        UUID articleId = uuid(fields.getFirst("articleId"));
        UUID parentId = uuid(values.get("parentId"));
        Map<String, String> errors = new LinkedHashMap<>();
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (articleId == null) {
            errors.put("form", "This form is missing the article it belongs to. Please reload the article and try again.");
        } else {
            String honeypot = Optional.ofNullable(fields.getFirst("honeypotField")).orElse("website");
            var comment = new Api.NewComment(values.get("body"), values.get("authorName"), values.get("email"), parentId,
                    Optional.ofNullable(fields.getFirst("formToken")).orElse(""), fields.getFirst(honeypot));
            try {
                Api.PostedComment posted = gateway.postComment(articleId, comment);
                String outcome = posted.visible() ? "visible" : "held";
                if (json) {
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("status", posted.visible() ? "VISIBLE" : "HELD", "message", posted.visible()
                                    ? "Thank you: your comment is published. Reload the page to see it in the thread."
                                    : "Thank you: your comment is awaiting moderation. It appears here once a moderator has approved it."));
                }
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(Pages.articleUrl(slug) + "?posted=" + outcome + "#comment-status")).build();
            } catch (ApiException e) {
                status = CommentProblems.status(e);
                errors.putAll(CommentProblems.sentences(e));
            }
        }
        if (json) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("errors", errors));
        }
        return rerender(slug, values, errors, status, http);
    }

    private ResponseEntity<String> rerender(String slug, Map<String, String> values, Map<String, String> errors,
                                            HttpStatus status, HttpServletRequest http) {
        var rail = Parallel.start(() -> gateway.latest(null, null, null, 6, null));
        if (!(gateway.articlePage(slug) instanceof ArticleLookup.Found found)) {
            return missing();
        }
        Api.Article article = found.page().article();
        CommentFormLookup token = commentForm(article);
        var form = form(http, article, token, replyParent(found.page(), values.get("parentId")), values, errors, null, false);
        var view = markup.view(found.page(), Parallel.joinOr(rail, Api.Listing.<Api.Teaser>empty()).items(), form);
        return pages.html(status, "article", view, CacheControl.noStore());
    }

    private CommentFormLookup commentForm(Api.Article article) {
        return article.commentsEnabled() ? gateway.commentForm(article.id()) : new CommentFormLookup.Closed();
    }

    private Views.CommentForm form(HttpServletRequest http, Api.Article article, CommentFormLookup lookup,
                                   Api.Comment parent, Map<String, String> values, Map<String, String> errors,
                                   String notice, boolean held) {
        CsrfToken csrf = (CsrfToken) http.getAttribute(CsrfToken.class.getName());
        Optional<Api.CommentForm> token = lookup instanceof CommentFormLookup.Open open ? Optional.of(open.form()) : Optional.empty();
        String closed = !article.commentsEnabled() ? "Comments are closed on this article."
                : lookup instanceof CommentFormLookup.Unavailable
                ? "Comments cannot be posted at the moment. Please try again in a few minutes."
                : token.isEmpty() ? "Comments are not open on this article at the moment." : null;
        Map<String, String> kept = new LinkedHashMap<>(values);
        return new Views.CommentForm(closed == null, closed, Pages.articleUrl(article.slug()) + "/comments", article.id().toString(),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
                token.map(Api.CommentForm::formToken).orElse(""),
                token.map(Api.CommentForm::honeypotField).orElse("website"),
                parent == null ? "" : parent.id().toString(), parent == null ? null : parent.authorName(),
                kept, errors, notice, held);
    }

    private static Api.Comment replyParent(Api.ArticlePage page, String id) {
        UUID wanted = uuid(id);
        if (wanted == null) {
            return null;
        }
        List<Api.Comment> all = new ArrayList<>();
        page.comments().items().forEach(c -> collect(c, all));
        return all.stream().filter(c -> wanted.equals(c.id())).findFirst()
                .orElse(new Api.Comment(wanted, page.article().id(), null, "another reader", "", "", null, List.of()));
    }

    private static void collect(Api.Comment comment, List<Api.Comment> into) {
        into.add(comment);
        comment.replies().forEach(r -> collect(r, into));
    }

    private ResponseEntity<String> missing() {
        return pages.html(HttpStatus.NOT_FOUND, "error", pages.error(404, "Article not found",
                "There is no article at this address. It may have been mistyped; try a search."), pages.listCache());
    }

    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ZoneId zone(Api.Dateline dateline) {
        try {
            return dateline == null || dateline.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(dateline.timeZone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

}
