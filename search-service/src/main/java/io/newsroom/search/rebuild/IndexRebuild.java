package io.newsroom.search.rebuild;

import io.newsroom.search.index.ArticleIndex;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Rebuilds the article index from the topic, the source of truth, while readers carry on:
 *
 * <ol>
 * <li>note the topic's end offsets, create {@code articles-vN+1} (refresh off while loading);
 * <li>replay the topic from the beginning up to those offsets into it;
 * <li>check it against what the topic says (ids, versions, published state); on a mismatch keep the
 *     old index and report;
 * <li>swap the alias in one atomic request: searches go from the complete old index to the complete new one;
 * <li>replay what arrived during the rebuild (the live consumer wrote it to the old index), into the new one.
 * </ol>
 * The previous generation is kept for a rollback (and so searches still running on it finish); older ones are dropped.
 */
@Service
public class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    private final ArticleIndex index;
    private final ArticleTopicReplay replay;
    private final IndexVerification verification;
    private final AtomicBoolean running = new AtomicBoolean();

    public IndexRebuild(ArticleIndex index, ArticleTopicReplay replay, IndexVerification verification) {
        this.index = index;
        this.replay = replay;
        this.verification = verification;
    }

    /** Thrown when a rebuild is asked for while one runs. */
    /** A second rebuild while one runs: 409 problem {@code conflict} (rendered by service-edge's problem handling). */
    public static class AlreadyRunning extends ErrorResponseException {
        AlreadyRunning() {
            super(HttpStatus.CONFLICT, conflict(), null);
        }

        private static ProblemDetail conflict() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A rebuild is already running; try again when it has finished.");
            problem.setType(URI.create("https://newsroom.example/problems/conflict"));
            problem.setTitle("Conflict");
            return problem;
        }
    }

    public RebuildReport rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new AlreadyRunning();
        }
        try {
            return run();
        } finally {
            running.set(false);
        }
    }

    private RebuildReport run() {
        long started = System.nanoTime();
        String previous = index.currentIndex().orElseThrow(() -> new IllegalStateException("No index behind " + index.alias()));
        String next = index.nextIndexName();
        Map<TopicPartition, Long> end = replay.endOffsets();
        index.create(next);
        index.refreshInterval(next, "-1");

        SourceOfTruth truth = new SourceOfTruth();
        ArticleTopicReplay.Progress loaded = replay.replay(next, Map.of(), end, truth);
        index.refreshInterval(next, "1s");
        index.refresh(next);
        double seconds = (System.nanoTime() - started) / 1e9;
        RebuildReport.Check check = verification.check(next, truth);
        if (!check.matches()) {
            log.error("Rebuilt index {} does not match the article topic: {}; keeping {}", next, check, previous);
            index.delete(next);
            return report(previous, next, false, loaded, 0, started, seconds, check);
        }

        index.switchAlias(previous, next);
        ArticleTopicReplay.Progress caughtUp = replay.replay(next, end, replay.endOffsets(), new SourceOfTruth());
        index.refresh(next);
        index.generationsBefore(previous).forEach(index::delete);
        log.info("Rebuilt {} -> {}: {} events, check {}", previous, next, loaded.events(), check);
        return report(previous, next, true, loaded, caughtUp.events(), started, seconds, check);
    }

    private RebuildReport report(String previous, String next, boolean switched, ArticleTopicReplay.Progress loaded,
                                 long caughtUp, long started, double loadSeconds, RebuildReport.Check check) {
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        double docsPerSecond = loadSeconds > 0 ? loaded.events() / loadSeconds : 0;
        return new RebuildReport(previous, next, switched, loaded.events() + caughtUp, loaded.skipped(), caughtUp,
                tookMillis, Math.round(docsPerSecond * 10) / 10.0, check);
    }


}
