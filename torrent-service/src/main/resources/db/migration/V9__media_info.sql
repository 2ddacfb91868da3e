-- Issue 12: the MediaInfo/NFO report an uploader pastes (docs/torrent-service.md, "MediaInfo").
-- A column of its own that the listing never selects: only the torrent page shows it. The service
-- cleans and limits it (64 KiB of UTF-8); the check keeps any other writer to the same bound.
alter table torrent
    add column media_info text,
    add constraint torrent_media_info_size check (octet_length(media_info) <= 65536);
