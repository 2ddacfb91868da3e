package dev.animetracker.torrent.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The report JSON: a new report, and a reported target with its grouped reports (the queue). */
@Component
class ReportViews {

  /** {@code 201} of a new report. */
  record Created(
      long id, String targetType, long targetId, String reason, String state, Instant createdAt) {

    static Created of(ReportRepository.Row row) {
      return new Created(
          row.id(), row.targetType(), row.targetId(), row.reason(), row.state(), row.createdAt());
    }
  }

  /** The reported thing as it is now ({@code text}: a comment's, as reported if deleted since). */
  record Target(String title, String uploader, @Nullable String text, boolean deleted) {}

  record ReasonCount(String reason, long count) {}

  record History(long reports, long upheld, long dismissed) {}

  record Report(
      long id,
      String reporter,
      History reporterHistory,
      String reason,
      @Nullable String text,
      Instant createdAt) {}

  record Resolution(String action, @Nullable String note, String by, Instant at) {}

  /** One reported target: {@code id} is its first report's id, which resolves the group. */
  record Item(
      long id,
      String targetType,
      long targetId,
      long torrentId,
      Target target,
      List<ReasonCount> reasons,
      List<Report> reports,
      String state,
      Instant firstReportedAt,
      @Nullable Resolution resolution) {}

  record Page(List<Item> items, int page, int size, long total) {}

  private final ReportRepository reports;

  ReportViews(ReportRepository reports) {
    this.reports = reports;
  }

  /** The items of these groups with their reports (open ones, or the group's resolved ones). */
  List<Item> items(List<ReportRepository.Group> groups, boolean resolved) {
    Map<Long, List<ReportRepository.Row>> rows = new LinkedHashMap<>();
    for (ReportRepository.Group group : groups) {
      rows.put(
          group.id(),
          resolved
              ? reports.resolvedGroup(group.id())
              : reports.open(group.targetType(), group.targetId()));
    }
    List<Long> reporters =
        rows.values().stream()
            .flatMap(List::stream)
            .map(ReportRepository.Row::reporterId)
            .distinct()
            .toList();
    Map<Long, ReportRepository.History> histories =
        reports.histories(reporters).stream()
            .collect(Collectors.toMap(ReportRepository.History::reporterId, Function.identity()));
    return groups.stream().map(group -> item(group, rows.get(group.id()), histories)).toList();
  }

  private static Item item(
      ReportRepository.Group group,
      List<ReportRepository.Row> rows,
      Map<Long, ReportRepository.History> histories) {
    Map<String, Long> counts = new LinkedHashMap<>();
    rows.forEach(row -> counts.merge(row.reason(), 1L, Long::sum));
    List<ReasonCount> reasons =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(entry -> new ReasonCount(entry.getKey(), entry.getValue()))
            .toList();
    List<Report> list =
        rows.stream()
            .map(
                row -> {
                  ReportRepository.History history = histories.get(row.reporterId());
                  return new Report(
                      row.id(),
                      row.reporterUsername(),
                      history == null
                          ? new History(0, 0, 0)
                          : new History(history.reports(), history.upheld(), history.dismissed()),
                      row.reason(),
                      row.text(),
                      row.createdAt());
                })
            .toList();
    ReportRepository.Row first = rows.isEmpty() ? null : rows.getFirst();
    Resolution resolution =
        first == null || first.resolvedAt() == null
            ? null
            : new Resolution(first.action(), first.note(), first.resolvedBy(), first.resolvedAt());
    return new Item(
        group.id(),
        group.targetType(),
        group.targetId(),
        group.torrentId(),
        new Target(group.title(), group.author(), group.text(), group.deleted()),
        reasons,
        list,
        resolution == null ? "open" : "resolved",
        group.firstReportedAt(),
        resolution);
  }
}
