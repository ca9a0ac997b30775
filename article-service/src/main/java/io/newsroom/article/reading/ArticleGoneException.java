package io.newsroom.article.reading;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The article was published once and has been taken down (410 {@code gone}). */
public class ArticleGoneException extends ErrorResponseException {

    ArticleGoneException(String slug) {
        super(HttpStatus.GONE, Problems.detail(HttpStatus.GONE, "gone", "Article unpublished",
                "The article '" + slug + "' has been unpublished."), null);
    }
}
