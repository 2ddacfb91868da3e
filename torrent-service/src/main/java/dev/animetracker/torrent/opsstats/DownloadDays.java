package dev.animetracker.torrent.opsstats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Downloads per torrent and UTC day ({@code torrent_download_day}): one upsert per download, in the
 * caller's transaction, so it agrees with {@code torrent.downloads} on every instance.
 */
@Repository
public class DownloadDays {

  private final JdbcClient jdbc;

  DownloadDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts one download of {@code torrentId} on the UTC day of {@code at}. */
  public void count(long torrentId, Instant at) {
    jdbc.sql(
            """
            insert into torrent_download_day (day, torrent_id, downloads) values (:day, :id, 1)
            on conflict (day, torrent_id)
            do update set downloads = torrent_download_day.downloads + 1
            """)
        .param("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
        .param("id", torrentId)
        .update();
  }
}
