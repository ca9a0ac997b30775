package io.newsroom.search.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsroom.edge.problem.ProblemHandler;
import io.newsroom.search.index.ElasticsearchUnavailable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Elasticsearch answering "not now" (shards still recovering after a restart, overloaded, or the indices not set up
 * yet because it was down when the service started) gets the same 503 problem as Elasticsearch not answering at all,
 * not a 500. Any other error answer is a bug of ours and stays one.
 */
@RestControllerAdvice
class ElasticsearchOutages {

    private final ProblemHandler problems;

    ElasticsearchOutages(ProblemHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    @Nullable ResponseEntity<Object> handle(ElasticsearchException answer, WebRequest request) {
        if (!ElasticsearchUnavailable.isOutage(answer)) {
            throw answer; // rethrown as it came: not handled here
        }
        return problems.handleStoreUnavailable(answer, request);
    }
}
