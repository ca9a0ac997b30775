package io.newsroom.site.pages;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.newsroom.site.api.ApiException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * API calls of one page that do not depend on each other run at the same time, on virtual threads, in the page
 * request's observation (Micrometer's context propagation), so each call carries the page's trace.
 */
final class Parallel {

    private static final Executor VIRTUAL = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            ContextSnapshotFactory.builder().build());

    private Parallel() {
    }

    /** Runs {@code call} on another thread with this request's attributes (the reader's address) in place. */
    static <T> CompletableFuture<T> start(Supplier<T> call) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return CompletableFuture.supplyAsync(() -> {
            RequestContextHolder.setRequestAttributes(attributes);
            try {
                return call.get();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }, VIRTUAL);
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, null, "interrupted page");
        }
    }

    /** The value, or {@code fallback} when that part of the page could not be had. */
    static <T> T joinOr(CompletableFuture<T> future, T fallback) {
        try {
            return join(future);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
