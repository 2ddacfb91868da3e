package dev.animetracker.torrent.report;

import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.torrent.audit.ModerationAudit;
import dev.animetracker.torrent.comment.CommentService;
import dev.animetracker.torrent.moderation.ModerationService;
import dev.animetracker.torrent.web.Caller;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transaction of a resolution: the group's open reports locked (a second moderator resolving
 * the same target waits, then gets 409), the action applied through the torrent and comment
 * features' own code paths (their events and audit entries included), the reports marked, one
 * {@code report.resolved} per reporter and the log entry.
 */
@Service
class ReportWriter {

  private final ReportRepository reports;
  private final ReportViews views;
  private final ModerationService torrents;
  private final CommentService comments;
  private final ModerationAudit audit;
  private final Outbox outbox;
  private final JsonMapper json;

  ReportWriter(
      ReportRepository reports,
      ReportViews views,
      ModerationService torrents,
      CommentService comments,
      ModerationAudit audit,
      Outbox outbox,
      JsonMapper json) {
    this.reports = reports;
    this.views = views;
    this.torrents = torrents;
    this.comments = comments;
    this.audit = audit;
    this.outbox = outbox;
    this.json = json;
  }

  @Transactional
  public ReportViews.Item resolve(
      Caller moderator,
      ReportRepository.Row report,
      ReportRules.Resolution resolution,
      Language language) {
    List<ReportRepository.Row> open = reports.lockOpen(report.targetType(), report.targetId());
    if (open.isEmpty()) {
      throw ReportRules.resolved();
    }
    ReportRepository.Row first = open.getFirst();
    ReportRepository.Group group = reports.groupOf(first).orElseThrow(ReportRules::notFound);
    boolean torrent = "torrent".equals(report.targetType());
    switch (resolution.action()) {
      case "delete" -> {
        // Already gone (its uploader, another moderator): the reports are answered all the same.
        if (!group.deleted()) {
          if (torrent) {
            torrents.delete(moderator, report.targetId(), resolution.note());
          } else {
            comments.delete(moderator, report.targetId(), resolution.note());
          }
        }
      }
      case "remake" -> {
        if (!torrent) {
          throw ReportRules.invalidAction();
        }
        torrents.update(
            moderator, report.targetId(), json.createObjectNode().put("remake", true), language);
      }
      default -> {
        // dismiss: nothing to change; ban-uploader: user-service has banned (ReportResolver).
      }
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    reports.resolve(
        open.stream().map(ReportRepository.Row::id).toList(),
        first.id(),
        moderator.id(),
        moderator.username(),
        resolution.action(),
        resolution.note(),
        now);
    for (ReportRepository.Row row : open) {
      outbox.publish(
          Long.toString(row.reporterId()),
          new ReportResolved(
              row.id(),
              row.reporterId(),
              row.targetType(),
              row.targetId(),
              row.torrentId(),
              group.title(),
              row.reason(),
              resolution.action(),
              resolution.note(),
              moderator.username(),
              now));
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("action", resolution.action());
    after.put("targetType", report.targetType());
    after.put("targetId", report.targetId());
    after.put("reports", open.size());
    if (resolution.banDays() != null) {
      after.put("banDays", resolution.banDays());
    }
    audit.record(
        moderator,
        "report.resolve",
        "report",
        Long.toString(first.id()),
        resolution.note(),
        Map.of("state", "open"),
        after);
    ReportRepository.Group resolved = reports.groupOf(first).orElseThrow(ReportRules::notFound);
    return views.items(List.of(resolved), true).getFirst();
  }
}
