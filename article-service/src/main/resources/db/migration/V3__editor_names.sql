-- The display names of the people who edit, as their sign-in tokens last gave them (claim "name"): the audit trail
-- keeps the stable identity (token subject) and the revision history shows the person's name next to it.
create table editor_name (
    editor       text        primary key,
    display_name text        not null,
    seen_at      timestamptz not null
);
