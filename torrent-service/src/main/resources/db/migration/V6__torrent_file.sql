-- The .torrent files themselves, in the database so that every instance serves every file and an
-- upload's row and file commit together (docs/torrent-service.md, "Upload, storage and consistency").
create table torrent_file (
    torrent_id bigint      primary key references torrent (id) on delete cascade,
    content    bytea       not null,
    size       integer     not null check (size > 0),
    -- SHA-256 of content: lets an operator compare a row with any copy of the file.
    sha256     bytea       not null check (octet_length(sha256) = 32),
    created_at timestamptz not null default now(),
    constraint torrent_file_size_matches check (octet_length(content) = size)
);

-- Piece hashes are random and do not compress: keep the bytes out of line without trying.
alter table torrent_file alter column content set storage external;

-- New torrents have no file path; rows from before keep theirs for the one-off import of the old
-- storage directory (LegacyStorageImport).
alter table torrent alter column storage_path drop not null;
