-- Release fields (issue 12) as torrent-service parsed them with common ReleaseParser: the one reader
-- of release names. Null/false/empty for torrents whose producer predates the fields (until the
-- TorrentUpdated backfill reaches them).
alter table torrent_doc
    add column release        jsonb,
    -- Lower-cased so the case-insensitive exact group filter uses a plain btree.
    add column release_group  text,
    add column resolution     text,
    add column source         text,
    add column season         integer,
    add column episode_from   integer,
    add column episode_to     integer,
    add column batch          boolean not null default false,
    add column subtitle_langs text[]  not null default '{}',
    add column audio_langs    text[]  not null default '{}',
    add column trusted        boolean not null default false,
    add column remake         boolean not null default false,
    add column complete       boolean not null default false;

-- Partial (live only) like the sort indexes; the selective filters get btrees, the language arrays a
-- GIN (array containment), the booleans stay unindexed because they rarely filter out most rows and
-- the planner combines them with the other conditions.
create index torrent_doc_release_group on torrent_doc (release_group, created_at, id)
    where live and release_group is not null;
create index torrent_doc_resolution on torrent_doc (resolution, created_at, id)
    where live and resolution is not null;
create index torrent_doc_source on torrent_doc (source) where live and source is not null;
create index torrent_doc_episodes on torrent_doc (season, episode_from, episode_to)
    where live and episode_from is not null;
create index torrent_doc_subtitle_langs on torrent_doc using gin (subtitle_langs) where live;
