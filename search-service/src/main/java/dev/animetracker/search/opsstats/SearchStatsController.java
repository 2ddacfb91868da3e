package dev.animetracker.search.opsstats;

import dev.animetracker.common.stats.StatsWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search/stats?days=30}: moderators only ({@link SearchStatsSecurity}). */
@RestController
class SearchStatsController {

  private final SearchDays days;

  private final Clock clock = Clock.systemUTC();

  SearchStatsController(SearchDays days) {
    this.days = days;
  }

  @GetMapping(SearchStatsSecurity.PATH)
  SearchStats stats(@RequestParam(required = false) String days) {
    StatsWindow window = StatsWindow.of(days, clock);
    Map<LocalDate, Long> counts = this.days.between(window.first(), window.last());
    return new SearchStats(
        window.days(),
        window.first(),
        window.last(),
        window.perDay(day -> new SearchStats.Day(day, counts.getOrDefault(day, 0L))));
  }
}
