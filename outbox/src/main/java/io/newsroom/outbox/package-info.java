/**
 * Transactional outbox: {@link io.newsroom.outbox.Outbox#append} writes an event in the caller's
 * database transaction, and {@link io.newsroom.outbox.OutboxRelay} publishes the rows to Kafka in
 * id order, deleting them only after the broker acknowledged them. Kafka being down never fails a
 * write; the events go out, in order, once it is back. Delivery is at-least-once: consumers apply
 * an article event only if its version is newer than what they hold.
 *
 * <h2>Using it</h2>
 * <ul>
 *   <li>Add the dependency; {@link io.newsroom.outbox.OutboxAutoConfiguration} registers the beans
 *       (needs a {@code DataSource}, Boot's Kafka {@code ProducerFactory} and Flyway).</li>
 *   <li>Set {@code newsroom.outbox.source} to the service's {@code ce_source}, e.g.
 *       {@code /newsroom/article-service}.</li>
 *   <li>The table comes as Flyway migration {@code db/migration/V1__outbox.sql} inside this jar:
 *       <b>a service numbers its own migrations from {@code V2} upward.</b></li>
 *   <li>Per-article order holds when the transaction that appends an event also updates (and so
 *       row-locks) the article: a later change of the same article then gets a higher outbox id
 *       and commits after the earlier one.</li>
 * </ul>
 *
 * <h2>Settings</h2> {@code newsroom.outbox.relay.enabled} (default true), {@code .interval} (200ms),
 * {@code .batch-size} (200), {@code .send-timeout} (5s; producer {@code delivery.timeout.ms} and
 * {@code max.block.ms}, so a down broker ends a pass in seconds).
 *
 * <h2>Metrics</h2> {@code newsroom.outbox.backlog} (gauge, rows waiting) and
 * {@code newsroom.outbox.published} (counter, by topic).
 */
package io.newsroom.outbox;
