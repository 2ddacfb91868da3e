package dev.animetracker.torrent.stats;

import dev.animetracker.common.event.tracker.SwarmStats;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores the tracker's swarm counts on the torrent row. Seeders and leechers come from the newest
 * observation; completed only ever grows (it is a total kept in Redis, so the highest value seen is
 * the truest): several tracker instances flush the same swarm, and one's snapshot read before
 * another's may carry the later timestamp. Idempotent: repeats and reordering change nothing, and
 * no {@code processed_event} bookkeeping is needed. Stats are not part of the torrent's version and
 * publish no {@code torrent.updated} (search-service reads {@code tracker-stats}).
 */
@Component
public class SwarmStatsUpdater {

  private final JdbcClient jdbc;

  SwarmStatsUpdater(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Applies the counts to the torrent with this tracker key (live or removed).
   *
   * @return whether a row changed: false for unknown hashes and for observations neither newer nor
   *     with a higher completed count than the stored one
   */
  public boolean apply(SwarmStats stats) {
    int updated =
        jdbc.sql(
                """
                update torrent
                   set seeders = case when stats_observed_at is null
                                           or stats_observed_at < :observedAt
                                      then :seeders else seeders end,
                       leechers = case when stats_observed_at is null
                                            or stats_observed_at < :observedAt
                                       then :leechers else leechers end,
                       completed = greatest(completed, :completed),
                       stats_observed_at = greatest(stats_observed_at, :observedAt)
                 where info_hash = :infoHash
                   and (stats_observed_at is null or stats_observed_at < :observedAt
                        or completed < :completed)
                """)
            .param("seeders", count(stats.seeders()))
            .param("leechers", count(stats.leechers()))
            .param("completed", Math.max(0, stats.completed()))
            .param("observedAt", Timestamp.from(stats.observedAt()))
            .param("infoHash", stats.infoHash())
            .update();
    return updated > 0;
  }

  /** The {@code integer} columns cannot hold more; a swarm that large is not realistic anyway. */
  private static int count(long value) {
    return Math.clamp(value, 0, Integer.MAX_VALUE);
  }
}
