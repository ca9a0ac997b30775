package io.newsroom.article.editorial;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A workflow step the article's status does not allow (409 {@code conflict}). */
public class IllegalTransitionException extends ErrorResponseException {

    IllegalTransitionException(Article article, ArticleStatus target) {
        this("A " + article.status() + " article cannot become " + target + ".");
    }

    IllegalTransitionException(String detail) {
        super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "conflict", "Not possible in this state",
                detail), null);
    }
}
