package dev.animetracker.gateway.ui.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One chart of the stats page as its table: {@code fragments/stats :: chart} renders it and {@code
 * /js/stats-charts.js} draws the chart from that table.
 *
 * @param name names the chart ({@code chart-<name>}, {@code stats-<name>-row} test ids)
 * @param caption message key of the table's caption
 * @param columns message keys of the series, one column each after the day
 * @param rows one per UTC day, oldest first
 */
public record Chart(String name, String caption, List<String> columns, List<Row> rows) {

  /** A day and one value per column. */
  public record Row(LocalDate day, List<Long> values) {}

  /** A chart of {@code days}, each row's values read by {@code values}. */
  static <T> Chart of(
      String name,
      String caption,
      List<String> columns,
      List<T> days,
      Function<T, LocalDate> day,
      Function<T, List<Long>> values) {
    return new Chart(
        name,
        caption,
        columns,
        days.stream().map(d -> new Row(day.apply(d), values.apply(d))).toList());
  }
}
