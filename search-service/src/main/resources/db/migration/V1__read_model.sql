-- The search read model: one row per torrent, fed by torrent-events, tracker-stats and comment-events
-- (and rebuilt by POST /internal/reindex). See docs/search-service.md.

create extension if not exists pg_trgm;

-- Categories as the snapshots carry them (names refreshed by every snapshot).
create table category (
    id      bigint primary key,
    slug    text not null,
    name_ru text not null,
    name_en text not null
);

create index category_slug on category (slug);

-- Keyed by the tracker key (40 hex) because tracker-stats only know that key and may arrive before
-- the torrent.created that tells us the torrent id: such a row holds the counters and stays
-- invisible (live = false) until a snapshot arrives. A deletion keeps the row as a tombstone whose
-- version makes a late, older torrent.updated harmless.
create table torrent_doc (
    info_hash         text primary key check (info_hash ~ '^[0-9a-f]{40}$'),
    id                bigint,
    info_hash_v2      text,
    title             text,
    -- Lower-cased, accent-folded title for a case-insensitive, byte-ordered (hence index-friendly) sort.
    title_sort        text collate "C",
    description       text,
    category_id       bigint,
    tag_slugs         text[]      not null default '{}',
    tag_names         text[]      not null default '{}',
    uploader_id       bigint,
    uploader_username text,
    size              bigint      not null default 0,
    file_count        integer     not null default 0,
    created_at        timestamptz,
    updated_at        timestamptz,
    -- Version of the last applied snapshot or tombstone; null while only counters are known.
    version           bigint,
    deleted           boolean     not null default false,
    live              boolean     not null generated always as (version is not null and not deleted) stored,
    -- Built by the service (dev.animetracker.search.text.SearchText), never by the text-search parser,
    -- so documents and queries are tokenised by the same code: title weight A, tags B, description D.
    tsv               tsvector,
    seeders           integer     not null default 0,
    leechers          integer     not null default 0,
    completed         bigint      not null default 0,
    stats_observed_at timestamptz,
    downloads         bigint      not null default 0
);

create unique index torrent_doc_id on torrent_doc (id);
create index torrent_doc_v2 on torrent_doc (info_hash_v2) where info_hash_v2 is not null;

-- One btree per sort, each ending in id (the tie-break), restricted to what search can return.
create index torrent_doc_created on torrent_doc (created_at, id) where live;
create index torrent_doc_seeders on torrent_doc (seeders, id) where live;
create index torrent_doc_leechers on torrent_doc (leechers, id) where live;
create index torrent_doc_completed on torrent_doc (completed, id) where live;
create index torrent_doc_downloads on torrent_doc (downloads, id) where live;
create index torrent_doc_size on torrent_doc (size, id) where live;
create index torrent_doc_title on torrent_doc (title_sort, id) where live;
-- Browsing a category, newest or best-seeded first.
create index torrent_doc_category_created on torrent_doc (category_id, created_at, id) where live;
create index torrent_doc_category_seeders on torrent_doc (category_id, seeders, id) where live;
create index torrent_doc_uploader on torrent_doc (lower(uploader_username), created_at, id) where live;
-- fastupdate off: no pending list to scan on every search, at the price of slower single inserts.
create index torrent_doc_tsv on torrent_doc using gin (tsv) with (fastupdate = off) where live;
create index torrent_doc_tags on torrent_doc using gin (tag_slugs) with (fastupdate = off) where live;

-- Comment counts by torrent id (comment-events carry no info hash), joined only to the rows of a page.
create table comment_count (
    torrent_id  bigint primary key,
    comments    integer     not null,
    occurred_at timestamptz not null
);

-- Words of titles and tags, for "did you mean" expansion of query words that match nothing
-- (freiren -> frieren) through a trigram index over this small table instead of the documents.
create table search_word (
    word text collate "C" primary key
);

create index search_word_trgm on search_word using gin (word gin_trgm_ops);

-- Live torrents per category, kept by statement-level triggers, so the total of a search without
-- text or filters (the start page, a category) is exact without counting a million rows.
create table live_count (
    category_id bigint primary key,
    torrents    bigint not null
);

create function live_count_inserted() returns trigger language plpgsql as $$
begin
    insert into live_count (category_id, torrents)
    select category_id, count(*) from new_rows where live group by category_id
    on conflict (category_id) do update set torrents = live_count.torrents + excluded.torrents;
    return null;
end $$;

create function live_count_updated() returns trigger language plpgsql as $$
begin
    insert into live_count (category_id, torrents)
    select category_id, sum(delta) from (
        select category_id, 1 as delta from new_rows where live
        union all
        select category_id, -1 as delta from old_rows where live) changes
    group by category_id
    having sum(delta) <> 0
    on conflict (category_id) do update set torrents = live_count.torrents + excluded.torrents;
    return null;
end $$;

create function live_count_deleted() returns trigger language plpgsql as $$
begin
    insert into live_count (category_id, torrents)
    select category_id, -count(*) from old_rows where live group by category_id
    on conflict (category_id) do update set torrents = live_count.torrents + excluded.torrents;
    return null;
end $$;

create trigger torrent_doc_live_inserted after insert on torrent_doc
    referencing new table as new_rows for each statement execute function live_count_inserted();
create trigger torrent_doc_live_updated after update on torrent_doc
    referencing old table as old_rows new table as new_rows
    for each statement execute function live_count_updated();
create trigger torrent_doc_live_deleted after delete on torrent_doc
    referencing old table as old_rows for each statement execute function live_count_deleted();
