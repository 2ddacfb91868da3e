package dev.animetracker.common.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the per-day counts of a stats query: its columns {@code day} (a date) and {@code n}. */
public final class DayCounts {

  private DayCounts() {}

  /** The query's counts by day; days without a row are absent (read them as zero). */
  public static Map<LocalDate, Long> of(JdbcClient.StatementSpec query) {
    Map<LocalDate, Long> days = new HashMap<>();
    query
        .query((rs, row) -> Map.entry(rs.getObject("day", LocalDate.class), rs.getLong("n")))
        .list()
        .forEach(entry -> days.put(entry.getKey(), entry.getValue()));
    return days;
  }
}
