-- Issue 12 item 4: a series groups the releases of one show (docs/releases.md, "Series").
-- torrent-service owns it; search-service keeps a read copy from series.updated.
create extension if not exists pg_trgm;

create table series (
    id             bigserial   primary key,
    slug           text        not null unique,
    title          text        not null,
    title_romaji   text,
    title_english  text,
    title_russian  text,
    title_japanese text,
    synonyms       jsonb       not null default '[]',
    anilist_id     integer     check (anilist_id > 0),
    mal_id         integer     check (mal_id > 0),
    anidb_id       integer     check (anidb_id > 0),
    version        bigint      not null default 1,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    -- The user whose upload or POST made it; null when the backfill did.
    created_by     bigint
);

create index series_updated on series (updated_at desc, id desc);

-- Every title of a series, normalised (SeriesTitles.key): the unique key decides which series a
-- parsed title belongs to, and makes two instances creating the same series at once end with one
-- (the loser's insert conflicts and it reads the winner's). Deferred, so a creator can claim the
-- key before it inserts the series row it will point to.
create table series_key (
    key       text   primary key,
    series_id bigint not null references series (id) on delete cascade deferrable initially deferred
);

create index series_key_series on series_key (series_id);
create index series_key_trgm on series_key using gin (key gin_trgm_ops);

-- series_matched: the series was decided (matched, chosen, or detached by a user), so the backfill
-- leaves the row alone; false only for rows written before this version.
alter table torrent
    add column series_id      bigint  references series (id),
    add column series_matched boolean not null default false;

create index torrent_series on torrent (series_id) where deleted_at is null;

-- The backfill's work list: small, and empty once it has run.
create index torrent_series_unmatched on torrent (id)
    where not series_matched and deleted_at is null;
