package dev.animetracker.torrent.opsstats;

import dev.animetracker.common.stats.DayCounts;
import dev.animetracker.common.stats.StatsWindow;
import dev.animetracker.torrent.opsstats.TorrentStats.Swarms;
import dev.animetracker.torrent.opsstats.TorrentStats.Top;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stats page's queries: per-day counts in the window, the top lists and the swarm sums. */
@Repository
class TorrentStatsRepository {

  private final JdbcClient jdbc;

  TorrentStatsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Uploads per UTC day since the window's first day (days without any are absent). */
  Map<LocalDate, Long> uploadsPerDay(StatsWindow window) {
    return DayCounts.of(
        jdbc.sql(
                """
            select (created_at at time zone 'UTC')::date as day, count(*) as n
              from torrent where created_at >= :since
             group by 1
            """)
            .param("since", window.since()));
  }

  /** Downloads per UTC day in the window (days without any are absent). */
  Map<LocalDate, Long> downloadsPerDay(StatsWindow window) {
    return DayCounts.of(
        jdbc.sql(
                """
            select day, sum(downloads) as n from torrent_download_day
             where day between :first and :last
             group by day
            """)
            .param("first", window.first())
            .param("last", window.last()));
  }

  /** Live torrents by downloads in the window, most first. */
  List<Top> topByDownloads(StatsWindow window, int limit) {
    return jdbc.sql(
            """
            select t.id, t.title, d.n as downloads, t.seeders, t.leechers
              from (select torrent_id, sum(downloads) as n from torrent_download_day
                     where day between :first and :last
                     group by torrent_id) d
              join torrent t on t.id = d.torrent_id
             where t.deleted_at is null
             order by d.n desc, t.id desc
             limit :limit
            """)
        .param("first", window.first())
        .param("last", window.last())
        .param("limit", limit)
        .query(Top.class)
        .list();
  }

  /** Live torrents with seeders now, most first. */
  List<Top> topBySeeders(int limit) {
    return jdbc.sql(
            """
            select id, title, downloads, seeders, leechers from torrent
             where deleted_at is null and seeders > 0
             order by seeders desc, leechers desc, id desc
             limit :limit
            """)
        .param("limit", limit)
        .query(Top.class)
        .list();
  }

  /** The tracker's last reported counts over live torrents. */
  Swarms swarms() {
    return jdbc.sql(
            """
            select count(*) filter (where seeders + leechers > 0) as active,
                   coalesce(sum(seeders), 0) as seeders, coalesce(sum(leechers), 0) as leechers
              from torrent where deleted_at is null
            """)
        .query(Swarms.class)
        .single();
  }
}
