-- The trace context of the change an outbox row announces (W3C traceparent), sent as the CloudEvents traceparent
-- extension (Kafka header ce_traceparent) so consumers continue the producer's trace. Null when the change was made
-- outside a trace.
-- Repeatable (R__), not versioned: services number their migrations from V2 upward, so a versioned outbox migration
-- would sort before migrations already applied in existing databases; this one is idempotent and runs after them.
alter table outbox_event add column if not exists traceparent text;
