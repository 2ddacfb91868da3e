package dev.animetracker.search.query;

import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.release.ParsedRelease;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One torrent in a search result, with its latest swarm statistics and counters, its parsed release
 * (null when the producer sent none), Nyaa's flags and its series (null when it belongs to none).
 */
public record SearchHit(
    long id,
    String title,
    String description,
    CategoryView category,
    List<TagView> tags,
    long uploaderId,
    String uploaderUsername,
    String infoHash,
    @Nullable String infoHashV2,
    long size,
    int fileCount,
    Instant createdAt,
    int seeders,
    int leechers,
    long completed,
    long downloads,
    int comments,
    @Nullable ParsedRelease release,
    boolean trusted,
    boolean remake,
    boolean complete,
    @Nullable SeriesRef series) {}
