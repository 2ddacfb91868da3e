package dev.animetracker.common.event.torrent;

/**
 * Everything published on {@code torrent-events}. Listeners decode a record once with {@link
 * dev.animetracker.common.consume.EventRecords#decode} and {@code switch} over the family; the
 * compiler then tells every listener when a type is added.
 */
public sealed interface TorrentEvent
    permits TorrentCreated,
        TorrentUpdated,
        TorrentDeleted,
        TorrentDownloaded,
        CategoryUpdated,
        SeriesUpdated {}
