package io.newsroom.site.pages;

import io.newsroom.site.api.Api;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * An article as readers will see it, for the editor console's preview: the reader template and sanitizer, the
 * article from the editor API, no comments and no rail, marked as a preview and kept out of search engines.
 */
@Component
public class Preview {

    private final ArticleMarkup markup;
    private final Pages pages;

    Preview(ArticleMarkup markup, Pages pages) {
        this.markup = markup;
        this.pages = pages;
    }

    /** A draft has no publication time yet: the preview shows it as if published now, as readers would first see it. */
    public String render(Api.Article draft, String banner) {
        Api.Article article = draft.publishedAt() != null ? draft : new Api.Article(draft.id(), draft.slug(), draft.headline(),
                draft.standfirst(), draft.dateline(), draft.byline(), draft.body(), draft.section(), draft.tags(),
                draft.heroImage(), draft.commentsEnabled(), pages.now(), null, draft.corrections(), draft.version());
        var closed = new Views.CommentForm(false, "Comments open when the article is published.", "", article.id().toString(),
                "_csrf", "", "", "", "", null, Map.of(), Map.of(), null, false);
        Views.Article view = markup.view(new Api.ArticlePage(article, Api.Listing.empty(), 0L, Api.Listing.empty(), List.of()),
                List.of(), closed);
        Views.Article preview = new Views.Article(view.chrome().withBanner(banner), view.head().noIndex(), view.headline(),
                view.standfirst(), view.date(), view.dateIso(), view.updated(), view.updatedIso(), view.place(),
                view.localTime(), view.byline(), view.hero(), view.bodyHtml(), view.corrections(), view.tags(),
                view.section(), view.related(), view.latest(), view.comments(), view.commentCount(), view.form());
        return pages.render("article", preview);
    }
}
