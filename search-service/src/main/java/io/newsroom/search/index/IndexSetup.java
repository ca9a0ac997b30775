package io.newsroom.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsroom.consumers.StartupStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Makes the indices ready as the service starts, before the web server and the consumers. Not at bean creation, so the
 * context is refreshed without Elasticsearch, as the image build's AOT cache training run does ({@link StartupStep}).
 * <p>
 * Elasticsearch unreachable or not ready (a node drain can move it and this service at once) does not fail the start:
 * a pod that cannot start would crash-loop, and Kubernetes' back-off would keep it down for minutes after
 * Elasticsearch is back. Instead the set-up is tried again in the background until it succeeds; meanwhile readers get
 * 503 as during any Elasticsearch outage, and the consumers' writes are refused ({@link ArticleIndex#requireSetUp})
 * and retried, so no event is lost and no index is created with guessed mappings. A definite refusal (e.g. a mapping
 * Elasticsearch rejects) still fails the start. Health component {@code indexSetup}, in the readiness group: live but
 * not ready until the set-up is done, so a rollout waits for it (application.yaml).
 */
@Component
class IndexSetup extends StartupStep implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private final Attempts attempts;

    @Autowired
    IndexSetup(ArticleIndex articles, CommentCountIndex commentCounts) {
        this(new Attempts(articles, commentCounts));
    }

    private IndexSetup(Attempts attempts) {
        super(attempts::first);
        this.attempts = attempts;
    }

    @Override
    public void stop() {
        attempts.retries.shutdownNow();
        super.stop();
    }

    @Override
    public Health health() {
        Exception failure = attempts.failure;
        if (attempts.done) {
            return Health.up().build();
        }
        return Health.down().withDetail("indices", attempts.gaveUp ? "set-up failed" : "not set up yet; retrying")
                .withDetail("lastError", failure == null ? "none" : String.valueOf(failure.getMessage())).build();
    }

    /** The set-up now, or again and again with growing pauses (0.5 s up to 2 s) while Elasticsearch cannot take it. */
    private static final class Attempts {

        private final ArticleIndex articles;
        private final CommentCountIndex commentCounts;
        private final ScheduledExecutorService retries =
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("index-setup").factory());
        private final BackOffExecution pauses;
        private volatile boolean done;
        private volatile boolean gaveUp;
        private volatile @Nullable Exception failure;

        Attempts(ArticleIndex articles, CommentCountIndex commentCounts) {
            this.articles = articles;
            this.commentCounts = commentCounts;
            ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
            backOff.setMaxInterval(2_000); // as the consumers retry during an outage (event-consumers)
            this.pauses = backOff.start();
        }

        void first() {
            if (!attempt()) {
                log.warn("Elasticsearch cannot set up the search indices yet ({}); starting anyway: searches answer 503 "
                        + "and the consumers wait until a retry succeeds", failure == null ? "" : failure.getMessage());
                retryLater();
            }
        }

        private void retryLater() {
            try {
                retries.schedule(this::retry, pauses.nextBackOff(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the service is stopping: nothing more to set up
            }
        }

        private void retry() {
            try {
                if (attempt()) {
                    log.info("Search indices set up after Elasticsearch became reachable");
                } else {
                    retryLater();
                }
            } catch (RuntimeException e) {
                failure = e;
                gaveUp = true;
                log.error("Setting up the search indices failed; not retrying", e);
            }
        }

        /** @return whether the indices are set up; false if Elasticsearch could not take it right now */
        private boolean attempt() {
            try {
                articles.setUp();
                commentCounts.setUp();
                done = true;
                return true;
            } catch (IOException | UncheckedIOException e) {
                failure = e;
                return false;
            } catch (ElasticsearchException e) {
                if (!ElasticsearchUnavailable.isOutage(e)) {
                    throw e;
                }
                failure = e;
                return false;
            }
        }
    }
}
