package io.newsroom.article.editorial;

/** A workflow step the article's status does not allow (409). */
public class IllegalTransitionException extends RuntimeException {

    IllegalTransitionException(Article article, ArticleStatus target) {
        this("A " + article.status() + " article cannot become " + target);
    }

    IllegalTransitionException(String message) {
        super(message);
    }
}
