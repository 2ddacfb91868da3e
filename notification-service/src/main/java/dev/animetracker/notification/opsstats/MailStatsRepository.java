package dev.animetracker.notification.opsstats;

import dev.animetracker.common.stats.DayCounts;
import dev.animetracker.common.stats.StatsWindow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over {@code mail_delivery}; every instance shares the table, so they are global. */
@Repository
class MailStatsRepository {

  private final JdbcClient jdbc;

  MailStatsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Mails per UTC day of {@code column} (created_at, sent_at or failed_at) in the window. */
  Map<LocalDate, Long> perDay(MailTimestamp column, StatsWindow window) {
    return DayCounts.of(
        jdbc.sql(
                "select (%1$s at time zone 'UTC')::date as day, count(*) as n from mail_delivery where %1$s >= :since group by 1"
                    .formatted(column.column))
            .param("since", window.since()));
  }

  /** How many mails wait and since when the oldest does. */
  Pending pending() {
    return jdbc.sql(
            "select count(*) as n, min(created_at) as oldest from mail_delivery where status = 'PENDING'")
        .query(
            (rs, row) ->
                new Pending(
                    rs.getLong("n"),
                    Optional.ofNullable(rs.getTimestamp("oldest")).map(Timestamp::toInstant)))
        .single();
  }

  record Pending(long count, Optional<Instant> oldest) {}

  /** The timestamps a mail's day is read from; the only column names the query accepts. */
  enum MailTimestamp {
    QUEUED("created_at"),
    SENT("sent_at"),
    FAILED("failed_at");

    private final String column;

    MailTimestamp(String column) {
      this.column = column;
    }
  }
}
