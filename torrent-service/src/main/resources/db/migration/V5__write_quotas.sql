-- Per-account write quotas (uploads, comments), shared by every torrent-service instance.
-- The access token carries no account creation time, so an account's age is the time this
-- service first saw it write (or try to); the row is also what serialises one account's writes.
create table account_first_seen (
    user_id       bigint primary key,
    first_seen_at timestamptz not null default now()
);

-- One row per successful write, kept for a day (older rows are purged as the account writes).
create table write_log (
    user_id bigint      not null,
    kind    text        not null,
    at      timestamptz not null default now()
);

create index write_log_user_kind_at on write_log (user_id, kind, at);
