package dev.animetracker.search.opsstats;

import java.time.LocalDate;
import java.util.List;

/**
 * search-service's part of the moderators' stats page: searches (API, RSS, Torznab) per UTC day.
 *
 * @param perDay one entry per day of the window, oldest first
 */
public record SearchStats(int days, LocalDate first, LocalDate last, List<Day> perDay) {

  /** The searches of one day, every instance's flushed counts. */
  public record Day(LocalDate day, long searches) {}
}
