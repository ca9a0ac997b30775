-- V1 is the outbox table, shipped in the outbox jar.

create table article (
    id               uuid        primary key,
    slug             text        not null,                -- current slug; every slug ever used is in article_slug
    headline         text        not null,
    standfirst       text        not null,
    dateline_place   text        not null,
    dateline_zone    text        not null,                -- IANA zone id of the dateline place
    byline           jsonb       not null,                -- [{"name", "slug"}], in byline order
    body             text        not null,                -- sanitized HTML
    section          text        not null,
    tags             text[]      not null,                -- normalized, editorial order
    hero_image       jsonb,
    comments_enabled boolean     not null,
    status           text        not null check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED')),
    scheduled_for    timestamptz,
    created_at       timestamptz not null,
    published_at     timestamptz,
    updated_at       timestamptz not null,
    unpublished_at   timestamptz,
    unpublish_reason text,
    corrections      jsonb       not null default '[]',   -- [{"correctedAt", "text"}], oldest first
    version          bigint      not null,
    check (status <> 'SCHEDULED' or scheduled_for is not null),
    check (status <> 'PUBLISHED' or published_at is not null)
);

-- Latest News: newest first with keyset pagination on (published_at, id).
create index article_latest on article (published_at desc, id desc) where status = 'PUBLISHED';
create index article_latest_section on article (section, published_at desc, id desc) where status = 'PUBLISHED';
create index article_tags on article using gin (tags) where status = 'PUBLISHED';
create index article_byline on article using gin (byline jsonb_path_ops) where status = 'PUBLISHED';
-- The scheduler's claim query.
create index article_due on article (scheduled_for) where status = 'SCHEDULED';
create index article_status on article (status, updated_at desc);

-- Every slug an article ever had: the current one answers, older ones redirect (301) to it.
-- The primary key makes a slug belong to one article for good.
create table article_slug (
    slug       text        primary key,
    article_id uuid        not null references article (id) deferrable initially deferred, -- claimed before the article row exists
    created_at timestamptz not null
);

-- Revision history and audit: one row per change, with the editor (JWT subject) and the state after it.
create table article_revision (
    article_id uuid        not null references article (id),
    version    bigint      not null,
    action     text        not null,
    editor     text        not null,
    changed_at timestamptz not null,
    note       text,
    state      jsonb       not null,
    primary key (article_id, version)
);

-- Must Read: an ordered editorial list; a pick stops showing at its expiry.
create table must_read_pick (
    article_id uuid        primary key references article (id),
    position   int         not null,
    expires_at timestamptz not null,
    picked_by  text        not null,
    picked_at  timestamptz not null
);
create index must_read_expiry on must_read_pick (expires_at);
