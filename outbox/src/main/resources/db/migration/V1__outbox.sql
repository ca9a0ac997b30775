-- Transactional outbox: rows are written in the same transaction as the change they announce and
-- deleted by the relay once Kafka has acknowledged them. Shipped in the outbox jar as V1, so every
-- service using the outbox numbers its own migrations from V2 upward.
create table outbox_event (
    id          bigserial   primary key,           -- relay order
    topic       text        not null,
    message_key text        not null,              -- Kafka record key (the article id)
    ce_id       uuid        not null unique,
    ce_type     text        not null,
    ce_source   text        not null,
    ce_subject  text        not null,
    ce_time     timestamptz not null,
    payload     jsonb       not null,
    created_at  timestamptz not null default now()
);
