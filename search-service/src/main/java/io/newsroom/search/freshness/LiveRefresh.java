package io.newsroom.search.freshness;

import io.newsroom.search.index.ArticleIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes live writes visible to search: one refresh of the article index at a time, started as soon
 * as something new was written and the previous refresh has finished (and at least
 * {@code newsroom.search.freshness.refresh-gap} after it started).
 *
 * <p>Why not {@code refresh=true} on each bulk: the consumer then waits for the refresh before it
 * polls again, and the records that arrive meanwhile wait a whole extra poll cycle (the consumer's
 * prefetch only covers the first few ms after a poll). Why not a short {@code refresh_interval}: it
 * refreshes on a clock whether or not there is anything new, and nobody learns when a document
 * became visible. Here the consumer only writes (the translog makes the write durable, so offsets
 * can be committed at once), refreshes adapt to the node's speed (a slow refresh covers more
 * documents), and the freshness histogram is recorded when the refresh that made an article visible
 * returns. If a refresh fails the index's own periodic refresh still makes the documents visible;
 * the timings are kept and recorded after the next refresh that succeeds.
 */
@Component
public class LiveRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final ArticleIndex index;
    private final PublishToSearchable freshness;
    private final Duration gap;
    private final boolean live;
    private final BlockingQueue<Instant> written = new LinkedBlockingQueue<>();
    private volatile Thread worker;
    private volatile boolean stock;

    /**
     * @param live {@code newsroom.search.freshness.live-refresh}: {@code false} is the stock design, kept as a setting
     *             so the benchmark report measures both in one run: no refresh of our own, documents become visible
     *             with the index's periodic 1 s refresh, and the freshness histogram stays empty (nobody learns when)
     */
    public LiveRefresh(ArticleIndex index, PublishToSearchable freshness,
                       @Value("${newsroom.search.freshness.refresh-gap:100ms}") Duration gap,
                       @Value("${newsroom.search.freshness.live-refresh:true}") boolean live) {
        this.index = index;
        this.freshness = freshness;
        this.gap = gap;
        this.live = live;
    }

    /** The consumer wrote these events' articles; they become searchable with the next refresh. */
    public void written(List<Instant> eventTimes) {
        if (live) {
            written.addAll(eventTimes);
        }
    }

    private void refreshWhileRunning() {
        List<Instant> waiting = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (waiting.isEmpty()) {
                    waiting.add(written.take());
                }
                written.drainTo(waiting);
                long started = System.nanoTime();
                if (refreshed()) {
                    freshness.refreshTook(Duration.ofNanos(System.nanoTime() - started));
                    waiting.forEach(freshness::searchable);
                    waiting.clear();
                    sleepUntil(started + gap.toNanos());
                } else {
                    Thread.sleep(RETRY_AFTER_FAILURE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean refreshed() {
        try {
            index.refresh(index.alias());
            return true;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return false; // stopping
            }
            log.warn("Refresh of {} failed, retrying in {}: {}", index.alias(), RETRY_AFTER_FAILURE, e.toString());
            return false;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    @Override
    public void start() {
        if (!live) {
            log.info("Live refresh off (newsroom.search.freshness.live-refresh=false): the index's own 1 s refresh only");
            stock = true;
            return;
        }
        worker = Thread.ofPlatform().daemon().name("live-refresh").start(this::refreshWhileRunning);
    }

    @Override
    public void stop() {
        stock = false;
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null || stock;
    }
}
