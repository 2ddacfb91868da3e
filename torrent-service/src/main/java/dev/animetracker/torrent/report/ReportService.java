package dev.animetracker.torrent.report;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.quota.WriteQuotas;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Paging;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reports by users and the moderators' queue. A report counts against its author's report quota
 * only when it is stored; a second open report of the same target by the same user is refused.
 */
@Service
class ReportService {

  private final ReportRepository reports;
  private final ReportViews views;
  private final WriteQuotas quotas;

  ReportService(ReportRepository reports, ReportViews views, WriteQuotas quotas) {
    this.reports = reports;
    this.views = views;
    this.quotas = quotas;
  }

  /** 404 {@code torrent-not-found} unless the torrent is live. */
  @Transactional
  public ReportViews.Created reportTorrent(Caller caller, long torrentId, JsonNode body) {
    ReportRules.NewReport report = ReportRules.newReport(body);
    ReportRepository.Target target =
        reports.liveTorrent(torrentId).orElseThrow(TorrentExceptions::notFound);
    return store(caller, target, report);
  }

  /** 404 {@code comment-not-found} unless the comment exists on a live torrent. */
  @Transactional
  public ReportViews.Created reportComment(Caller caller, long commentId, JsonNode body) {
    ReportRules.NewReport report = ReportRules.newReport(body);
    ReportRepository.Target target =
        reports.liveComment(commentId).orElseThrow(ReportService::commentNotFound);
    return store(caller, target, report);
  }

  private ReportViews.Created store(
      Caller caller, ReportRepository.Target target, ReportRules.NewReport report) {
    quotas.consume(caller, WriteQuotas.Kind.REPORT);
    return reports
        .insert(
            target,
            caller.id(),
            caller.username(),
            report.reason(),
            report.text(),
            Instant.now().truncatedTo(ChronoUnit.MICROS))
        .map(ReportViews.Created::of)
        // The quota row written above rolls back with this refusal.
        .orElseThrow(ReportRules::alreadyReported);
  }

  /** Open targets oldest first, or resolved groups newest first. */
  @Transactional(readOnly = true)
  public ReportViews.Page queue(String state, Paging paging) {
    boolean resolved = "resolved".equals(state);
    var groups =
        resolved
            ? reports.resolvedGroups(paging.page(), paging.size())
            : reports.openGroups(paging.page(), paging.size());
    long total = resolved ? reports.resolvedGroupCount() : reports.openGroupCount();
    return new ReportViews.Page(views.items(groups, resolved), paging.page(), paging.size(), total);
  }

  static DomainException commentNotFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "comment-not-found", "There is no such comment.");
  }
}
