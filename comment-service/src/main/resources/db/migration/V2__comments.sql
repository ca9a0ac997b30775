-- comment-service's own tables. V1 (outbox_event) ships in the outbox jar.

-- The local record of articles, kept from news.article events (never read from article-service's database).
create table articles (
    article_id             uuid    primary key,
    version                bigint  not null,               -- newest article event applied; older ones are ignored
    slug                   text    not null,
    headline               text,                           -- null when only an unpublish event was seen
    published              boolean not null,
    comments_enabled       boolean not null,               -- the editors' setting, from the events
    closed_by_moderator    boolean not null default false, -- the moderators' own switch, never touched by events
    moderation_policy      text    check (moderation_policy in ('PRE', 'POST')), -- null: the global policy
    approved_comment_count bigint  not null default 0,
    comment_sequence       bigint  not null default 0      -- per-article sequence of comment events
);

create table comments (
    comment_id     uuid        primary key,
    article_id     uuid        not null references articles,
    parent_id      uuid        references comments,
    thread_id      uuid        not null,                   -- the top-level comment of the thread (itself for one)
    depth          int         not null check (depth >= 0),
    author_name    text        not null,
    author_email   text        not null,                   -- lower-cased; shown to moderators only
    body           text        not null,
    body_digest    text        not null,                   -- SHA-256 of the normalized body, for duplicate checks
    client_address text        not null,
    status         text        not null check (status in ('VISIBLE', 'HELD', 'SPAM', 'REJECTED', 'REMOVED')),
    status_reason  text,
    report_count   int         not null default 0,
    reported       boolean     not null default false,     -- in the reported queue
    posted_at      timestamptz not null,
    moderated_at   timestamptz
);

-- Thread pages: keyset over (posted_at, comment_id) of visible top-level comments.
create index comments_thread_page on comments (article_id, posted_at, comment_id) where status = 'VISIBLE' and parent_id is null;
create index comments_replies on comments (thread_id) where status = 'VISIBLE' and parent_id is not null;
create index comments_by_email on comments (author_email, posted_at);
create index comments_by_address on comments (client_address, posted_at);
create index comments_queue on comments (status, posted_at);
create index comments_reported on comments (posted_at) where reported;

-- One report per reader address and comment, so one reader cannot push a comment into the queue alone.
create table comment_reports (
    comment_id       uuid        not null references comments,
    reporter_address text        not null,
    reason           text        not null,
    reported_at      timestamptz not null,
    primary key (comment_id, reporter_address)
);

create table blocked_emails (
    email      text        primary key,
    reason     text        not null,
    blocked_by text        not null,
    blocked_at timestamptz not null
);

-- Every moderator action, with the moderator's identity (JWT subject).
create table moderation_audit (
    audit_id   bigserial   primary key,
    moderator  text        not null,
    action     text        not null,
    comment_id uuid,
    article_id uuid,
    email      text,
    reason     text,
    acted_at   timestamptz not null
);
create index moderation_audit_comment on moderation_audit (comment_id);
