package io.newsroom.article.editorial;

import io.newsroom.article.web.ETags;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The editor changed an older version than the current one (412 {@code stale-version}): reload, merge, retry.
 * The response's ETag is the current version, so a client can fetch exactly what it must merge with.
 */
public class StaleVersionException extends ErrorResponseException {

    private final long currentVersion;

    StaleVersionException(long expected, long current) {
        super(HttpStatus.PRECONDITION_FAILED, Problems.detail(HttpStatus.PRECONDITION_FAILED, "stale-version",
                "Stale version", "The article changed meanwhile: you edited version " + expected
                        + ", the current one is " + current + "."), null);
        this.currentVersion = current;
        getHeaders().setETag(ETags.of(current));
    }

    public long currentVersion() {
        return currentVersion;
    }
}
