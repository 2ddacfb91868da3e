package dev.animetracker.search.opsstats;

import dev.animetracker.common.stats.DayCounts;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code search_day}: searches per UTC day, added to by every instance. */
@Repository
class SearchDays {

  private final JdbcClient jdbc;

  SearchDays(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds {@code searches} to the day's count (one statement: concurrent instances add up). */
  void add(LocalDate day, long searches) {
    jdbc.sql(
            """
            insert into search_day (day, searches) values (:day, :n)
            on conflict (day) do update set searches = search_day.searches + excluded.searches
            """)
        .param("day", day)
        .param("n", searches)
        .update();
  }

  /** The counts from {@code first} to {@code last}; days without searches are absent. */
  Map<LocalDate, Long> between(LocalDate first, LocalDate last) {
    return DayCounts.of(
        jdbc.sql("select day, searches as n from search_day where day between :first and :last")
            .param("first", first)
            .param("last", last));
  }
}
