package io.newsroom.search.web;

import io.newsroom.edge.problem.ProblemWriter;
import io.newsroom.edge.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the reader queries running against Elasticsearch at once. The live indexer shares the
 * Elasticsearch client's connection pool and the cluster's CPU with them: unbounded, a burst of
 * heavy searches takes every pooled connection and the consumer's bulk times out waiting for one,
 * so reader load would delay freshness. Beyond the limit a request waits briefly, then gets a 503
 * problem with {@code Retry-After} — reader overload degrades searches, never indexing.
 */
@Component
class ReaderConcurrencyLimit extends OncePerRequestFilter {

    private static final long MAX_WAIT_MS = 2_000;

    private final Semaphore permits;

    ReaderConcurrencyLimit(@Value("${newsroom.search.max-concurrent-queries:4}") int maxConcurrentQueries) {
        this.permits = new Semaphore(maxConcurrentQueries, true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Within the application: behind the gateway the trusted X-Forwarded-Prefix (/api/v1) is the context path.
        String path = request.getRequestURI().substring(Math.min(request.getContextPath().length(),
                request.getRequestURI().length()));
        return !"GET".equals(request.getMethod()) || !(path.equals("/search") || path.equals("/latest")
                || path.equals("/suggest") || (path.startsWith("/articles/") && path.endsWith("/related")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            response.setHeader("Retry-After", "1");
            // UTF-8 bytes through the shared writer: getWriter() would add charset=ISO-8859-1
            ProblemWriter.write(request, response, Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Too many searches", "Too many searches at once; retry shortly."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
