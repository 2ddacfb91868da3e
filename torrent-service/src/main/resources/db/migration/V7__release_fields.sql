-- Issue 12: what the release name says, and Nyaa's flags (docs/releases.md, "Where the fields live").
-- release is the ParsedRelease as JSON, written at upload and on edits: null only for rows written
-- before this version, which ReleaseBackfill parses at start-up (a release naming nothing is stored
-- as an object of empty fields, so a row is parsed once). torrent-service never filters by it;
-- search-service indexes it from the events.
alter table torrent
    add column release  jsonb,
    add column trusted  boolean not null default false,
    add column remake   boolean not null default false,
    add column complete boolean not null default false;

-- The backfill's work list: small, and empty once it has run.
create index torrent_release_unset on torrent (id) where release is null and deleted_at is null;

-- The replica of user-service's trusted accounts, from user.trusted-changed: an upload by a trusted
-- account is flagged trusted. changed_at is the event's time; only newer events apply.
create table trusted_account (
    user_id    bigint      primary key,
    username   text        not null,
    trusted    boolean     not null,
    changed_at timestamptz not null
);
