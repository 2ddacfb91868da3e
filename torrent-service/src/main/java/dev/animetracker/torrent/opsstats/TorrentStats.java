package dev.animetracker.torrent.opsstats;

import java.time.LocalDate;
import java.util.List;

/**
 * torrent-service's part of the moderators' stats page.
 *
 * @param days the window's length
 * @param first its oldest UTC day
 * @param last today (UTC)
 * @param perDay one entry per day, oldest first
 * @param topByDownloads live torrents downloaded most in the window
 * @param topBySeeders live torrents with the most seeders now (as the tracker last reported)
 * @param swarms the swarms now, over every live torrent
 */
public record TorrentStats(
    int days,
    LocalDate first,
    LocalDate last,
    List<Day> perDay,
    List<Top> topByDownloads,
    List<Top> topBySeeders,
    Swarms swarms) {

  /**
   * Uploads (removed torrents included) and downloads of one UTC day, and the day's peaks of the
   * swarm sums (zero for days never sampled).
   */
  public record Day(LocalDate day, long uploads, long downloads, long peakSwarms, long peakPeers) {}

  /**
   * A torrent in a top list.
   *
   * @param downloads in the window for {@code topByDownloads}, the total for {@code topBySeeders}
   */
  public record Top(long id, String title, long downloads, int seeders, int leechers) {}

  /**
   * The tracker's last reported counts summed over live torrents.
   *
   * @param active torrents with at least one peer
   */
  public record Swarms(long active, long seeders, long leechers) {}
}
