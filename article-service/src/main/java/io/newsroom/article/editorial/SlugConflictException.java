package io.newsroom.article.editorial;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The slug asked for belongs to another article, now or in the past (409 {@code conflict}). */
public class SlugConflictException extends ErrorResponseException {

    SlugConflictException(String slug) {
        super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "conflict", "Slug taken",
                "The slug '" + slug + "' is taken by another article."), null);
    }
}
