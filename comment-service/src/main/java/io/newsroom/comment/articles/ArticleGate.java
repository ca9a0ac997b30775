package io.newsroom.comment.articles;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Turns "this article cannot take comments" into a clear 4xx, saying which of the reasons applies. */
@Component
public class ArticleGate {

    private final Articles articles;

    public ArticleGate(Articles articles) {
        this.articles = articles;
    }

    /** A published article, open or closed: what readers may read comments of. */
    public Article requirePublished(UUID articleId) {
        Article article = requireKnown(articleId);
        if (!article.published()) {
            throw Problems.of(HttpStatus.GONE, "article-unpublished", "Article unpublished",
                    "Article " + articleId + " is no longer published.");
        }
        return article;
    }

    /** A published article whose comments are open: what readers may comment on. */
    public Article requireOpen(UUID articleId) {
        Article article = requirePublished(articleId);
        if (!article.acceptsComments()) {
            throw Problems.of(HttpStatus.CONFLICT, "comments-closed", "Comments closed",
                    "Comments are closed on article " + articleId + ".");
        }
        return article;
    }

    public Article requireKnown(UUID articleId) {
        return articles.find(articleId).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-article",
                "Unknown article", "No published article " + articleId + " is known here."));
    }
}
