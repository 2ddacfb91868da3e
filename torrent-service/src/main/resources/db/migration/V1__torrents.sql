-- Catalogue, torrents, comments and the moderation audit trail of torrent-service.

create table category (
    id          bigserial primary key,
    slug        text        not null unique,
    name_ru     text        not null,
    name_en     text        not null,
    description text,
    position    integer     not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

insert into category (slug, name_ru, name_en, position) values
    ('anime-rus-subs',  'Аниме: русские субтитры', 'Anime: Russian subtitles', 10),
    ('anime-rus-voice', 'Аниме: русская озвучка',  'Anime: Russian voice-over', 20),
    ('anime-eng',       'Аниме: английский перевод', 'Anime: English-translated', 30),
    ('anime-raw',       'Аниме: без перевода (RAW)', 'Anime: raw', 40),
    ('music-ost',       'Музыка и саундтреки',     'Music and OST', 50),
    ('manga',           'Манга',                   'Manga', 60),
    ('live-action',     'Игровое кино и дорамы',   'Live action', 70),
    ('other',           'Другое',                  'Other', 80);

create table tag (
    id         bigserial primary key,
    slug       text        not null unique,
    name       text        not null,
    created_at timestamptz not null default now()
);

create table torrent (
    id                bigserial primary key,
    -- The tracker key: v1 info hash, or the v2 hash truncated to 20 bytes (40 hex).
    info_hash         char(40)    not null,
    info_hash_v1      char(40),
    info_hash_v2      char(64),
    kind              text        not null check (kind in ('V1', 'V2', 'HYBRID')),
    title             text        not null,
    description       text,
    category_id       bigint      not null references category (id),
    uploader_id       bigint      not null,
    uploader_username text        not null,
    size              bigint      not null check (size >= 0),
    file_count        integer     not null check (file_count >= 0),
    files             text        not null,
    piece_length      bigint      not null,
    private           boolean     not null default false,
    created_by        text,
    storage_path      text        not null,
    -- The uploaded announce tiers (JSON list of lists), kept after ours on download.
    trackers          text        not null default '[]',
    seeders           integer     not null default 0,
    leechers          integer     not null default 0,
    completed         bigint      not null default 0,
    downloads         bigint      not null default 0,
    comment_count     integer     not null default 0,
    version           bigint      not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    deleted_at        timestamptz,
    deleted_by        bigint
);

-- These decide upload races: one row per info hash, ever (a removed torrent cannot be re-uploaded).
create unique index torrent_info_hash_unique on torrent (info_hash);
create unique index torrent_info_hash_v1_unique on torrent (info_hash_v1) where info_hash_v1 is not null;
create unique index torrent_info_hash_v2_unique on torrent (info_hash_v2) where info_hash_v2 is not null;
create index torrent_live_created on torrent (created_at desc, id desc) where deleted_at is null;
create index torrent_live_uploader on torrent (lower(uploader_username), created_at desc) where deleted_at is null;
create index torrent_live_category on torrent (category_id, created_at desc) where deleted_at is null;

create table torrent_tag (
    torrent_id bigint  not null references torrent (id) on delete cascade,
    tag_id     bigint  not null references tag (id),
    position   integer not null,
    primary key (torrent_id, tag_id)
);

create index torrent_tag_tag on torrent_tag (tag_id);

create table comment (
    id              bigserial primary key,
    torrent_id      bigint      not null references torrent (id) on delete cascade,
    author_id       bigint      not null,
    author_username text        not null,
    text            text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create index comment_torrent on comment (torrent_id, created_at, id);

create table torrent_audit (
    id             bigserial primary key,
    torrent_id     bigint      not null,
    actor_id       bigint      not null,
    actor_username text,
    action         text        not null,
    details        jsonb       not null default '{}',
    created_at     timestamptz not null default now()
);

create index torrent_audit_torrent on torrent_audit (torrent_id, created_at);
