-- Downloads per torrent and UTC day, for the moderators' stats page (docs/torrent-service.md,
-- "Moderator stats"). Incremented in the transaction that increments torrent.downloads, so the two
-- agree; V11 is left free for another branch's migration.
create table torrent_download_day (
    day        date   not null,
    torrent_id bigint not null references torrent (id),
    downloads  bigint not null check (downloads > 0),
    primary key (day, torrent_id)
);

-- Uploads per day over all torrents, removed ones included (the existing index covers live ones only).
create index torrent_created_at on torrent (created_at);

-- The day's peaks of the swarm sums (active swarms, peers, seeders, leechers), sampled from the
-- tracker's counts on the torrent rows every few minutes by every instance; greatest() makes
-- repeated and concurrent samples harmless.
create table swarm_day (
    day      date   primary key,
    swarms   bigint not null,
    peers    bigint not null,
    seeders  bigint not null,
    leechers bigint not null
);
