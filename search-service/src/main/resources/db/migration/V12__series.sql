-- Series (issue 12): torrent-service owns them; this is the read copy search needs to filter by a
-- series and to find its torrents by any of its titles. See docs/search-service.md "Series".
alter table torrent_doc
    add column series_slug  text,
    add column series_title text;

-- The series filter, newest first (the series' browse link); partial like the other sort indexes.
create index torrent_doc_series on torrent_doc (series_slug, created_at, id)
    where live and series_slug is not null;

-- One row per series seen in a snapshot or a series.updated. version is null while the series is
-- known only from a snapshot's reference (slug and main title): such a row exists so that a
-- snapshot and a concurrent series.updated serialise on it (ReadModelWriter), and any
-- series.updated replaces it. tsv holds the titles' lexemes at weight C, appended to the tsv of
-- every torrent of the series, so a search never joins this table.
create table series (
    slug               text primary key,
    title              text        not null,
    alternative_titles text[]      not null default '{}',
    version            bigint,
    updated_at         timestamptz,
    tsv                tsvector    not null
);
