-- Issue 13: what users follow (uploaders, groups, series), their saved searches, bookmarks, and the
-- releases that matched. search-service owns these because it already holds every document's
-- tsvector and release columns: a saved search is evaluated against a new document with the same
-- SQL conditions /api/search uses (docs/search-service.md, "Watches, bookmarks and the personal feed").
create table watch (
    id              bigserial   primary key,
    user_id         bigint      not null,
    kind            text        not null check (kind in ('user', 'group', 'series', 'search')),
    -- follows: the uploader's id, the lower-cased group, the series slug; null for saved searches
    target          text,
    label           text        not null,
    delivery        text        not null check (delivery in ('instant', 'daily', 'none')),
    created_at      timestamptz not null default now(),
    -- saved searches: the set fields as the user gave them (shown back), and what the matcher reads
    criteria        jsonb,
    positive        tsquery,
    negative        tsquery,
    category_slugs  text[],
    excluded_slugs  text[],
    tag_slugs       text[],
    uploader        text,
    min_size        bigint,
    max_size        bigint,
    min_seeders     integer,
    season          integer,
    episode         integer,
    episode_markers tsquery,
    release_group   text,
    resolution      text,
    source          text,
    batch           boolean,
    subs            text[],
    flags           integer     not null default 0,
    series_slug     text,
    -- keys a document must hold one of for the search to be able to match (its rarest required
    -- clause: a lexeme, 'p:' + a prefix's first letters, '@u:' + uploader, or '*' for none)
    anchor          text[]      not null default '{}',
    check ((kind = 'search') = (target is null))
);

-- A follow exists once per user and target; a repeated PUT updates its delivery.
create unique index watch_follow on watch (user_id, kind, target) where kind <> 'search';
create index watch_follow_target on watch (kind, target) where kind <> 'search';
create index watch_user on watch (user_id, id);
create index watch_search_anchor on watch using gin (anchor) where kind = 'search';

-- At most one match per user and release, whichever watches matched and however often the event
-- is replayed or consumed by several instances: the row decides who publishes release.matched.
create table watch_match (
    user_id    bigint      not null,
    torrent_id bigint      not null,
    matched_at timestamptz not null,
    watch_ids  bigint[]    not null,
    -- [{kind, label}] as they were when matched (a watch deleted later still explains the item)
    matched_by jsonb       not null,
    primary key (user_id, torrent_id)
);
create index watch_match_feed on watch_match (user_id, matched_at desc, torrent_id desc);
create index watch_match_torrent on watch_match (torrent_id);

create table bookmark (
    user_id    bigint      not null,
    torrent_id bigint      not null,
    created_at timestamptz not null,
    primary key (user_id, torrent_id)
);
create index bookmark_user on bookmark (user_id, created_at desc, torrent_id desc);
create index bookmark_torrent on bookmark (torrent_id);
