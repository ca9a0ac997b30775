package io.newsroom.article.editorial;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;

/** No article with that id (404 {@code not-found}). */
public class ArticleNotFoundException extends ErrorResponseException {

    public ArticleNotFoundException(UUID id) {
        this("No article " + id + ".");
    }

    public ArticleNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, Problems.detail(HttpStatus.NOT_FOUND, "not-found", "Unknown article", detail), null);
    }
}
