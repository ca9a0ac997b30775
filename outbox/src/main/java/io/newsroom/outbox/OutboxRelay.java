package io.newsroom.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes them once acknowledged.
 *
 * <p>Each pass runs in one database transaction holding a transaction-scoped advisory lock, so only
 * one replica relays at a time (two relays would interleave and break per-article order). A pass
 * stops at the first row Kafka does not acknowledge and deletes only the acknowledged prefix; the
 * rest is retried next pass, so no row is ever skipped (rows sent after the failing one may go out
 * twice: at-least-once, which the event contract allows).
 *
 * <p>Polls on its own thread rather than the application's {@code @Scheduled} pool: a pass waiting
 * seconds for a down broker must not delay a service's other scheduled work, and services need not
 * enable scheduling for it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties.Relay settings;
    private final OutboxMetrics metrics;
    private final RelayTracing tracing;
    private ScheduledExecutorService poller;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka,
                OutboxProperties.Relay settings, OutboxMetrics metrics, RelayTracing tracing) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.settings = settings;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /**
     * One pass: publishes up to a batch of rows.
     *
     * @return rows published and deleted; 0 when another replica holds the lock or nothing waits
     */
    public int relayOnce() {
        Integer published = transaction.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(settings.lockKey()).query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            List<PendingEvent> batch = oldest(settings.batchSize());
            List<Long> acknowledged = publish(batch);
            if (!acknowledged.isEmpty()) {
                // By id, not "id <= last": a lower id committed late by a slower transaction is still unsent.
                jdbc.sql("delete from outbox_event where id in (:ids)").param("ids", acknowledged).update();
            }
            return acknowledged.size();
        });
        return published == null ? 0 : published;
    }

    private List<PendingEvent> oldest(int limit) {
        return jdbc.sql("""
                        select id, topic, message_key, ce_id, ce_type, ce_source, ce_subject, ce_time, payload::text as payload,
                               traceparent
                        from outbox_event order by id limit ?""")
                .param(limit)
                .query((rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getObject("ce_id", UUID.class), rs.getString("ce_type"),
                        rs.getString("ce_source"), rs.getString("ce_subject"),
                        rs.getObject("ce_time", OffsetDateTime.class).toInstant(), rs.getString("payload"),
                        rs.getString("traceparent")))
                .list();
    }

    /**
     * Sends the batch and waits for the acks; returns the ids of the acknowledged prefix.
     *
     * <p>The oldest row goes alone first: while Kafka is down or still electing leaders after a
     * restart, nothing else is in flight that could expire and let a later event of the same key
     * overtake it. On any failure the producer is closed, which aborts sends not yet on the wire.
     */
    private List<Long> publish(List<PendingEvent> batch) {
        var acknowledged = new ArrayList<Long>(batch.size());
        if (batch.isEmpty()) {
            return acknowledged;
        }
        RelayTracing.Hop first = tracing.start(batch.getFirst());
        boolean firstAcknowledged = acknowledged(first.event(), send(first.event()));
        first.end(firstAcknowledged);
        if (!firstAcknowledged) {
            return acknowledged;
        }
        acknowledged.add(first.event().id());
        var hops = new ArrayList<RelayTracing.Hop>(batch.size());
        var sends = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>(batch.size());
        for (PendingEvent event : batch.subList(1, batch.size())) {
            RelayTracing.Hop hop = tracing.start(event);
            hops.add(hop);
            sends.add(send(hop.event()));
        }
        for (int i = 0; i < sends.size(); i++) {
            RelayTracing.Hop hop = hops.get(i);
            boolean ok = acknowledged(hop.event(), sends.get(i));
            hop.end(ok);
            if (!ok) {
                RelayTracing.Hop.endAll(hops.subList(i + 1, hops.size()), false);
                break;
            }
            acknowledged.add(hop.event().id());
        }
        return acknowledged;
    }

    private CompletableFuture<SendResult<String, byte[]>> send(PendingEvent event) {
        try {
            return kafka.send(event.toRecord());
        } catch (RuntimeException e) { // e.g. no metadata within max.block.ms: broker unreachable
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(PendingEvent event, CompletableFuture<SendResult<String, byte[]>> send) {
        try {
            send.get(settings.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            metrics.published(event.topic());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Outbox relay stopped at event {}, will retry: {}", event.id(), e.toString());
        }
        kafka.getProducerFactory().reset();
        return false;
    }

    private void relaySafely() {
        try {
            // Drain a backlog without waiting an interval between full batches.
            while (relayOnce() == settings.batchSize()) {
                log.debug("Outbox relay: full batch sent, continuing");
            }
        } catch (RuntimeException e) { // e.g. database unavailable: try again next tick
            log.warn("Outbox relay pass failed at {}: {}", Instant.now(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
            long interval = settings.interval().toMillis();
            poller.scheduleWithFixedDelay(this::relaySafely, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(settings.sendTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
            kafka.getProducerFactory().reset(); // the relay's own producer; not a bean, so closed here
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Stop before the Kafka producer and the DataSource are closed. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1024;
    }
}
