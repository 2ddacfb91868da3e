package dev.animetracker.torrent.report;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Paging;
import dev.animetracker.torrent.web.Problems;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Reports by logged-in users; the queue and resolutions for moderators ({@code /api/moderation/**}
 * needs {@code ROLE_MODERATOR} in the security chain).
 */
@RestController
class ReportController {

  private final ReportService reports;
  private final ReportResolver resolver;

  ReportController(ReportService reports, ReportResolver resolver) {
    this.reports = reports;
    this.resolver = resolver;
  }

  @PostMapping("/api/torrents/{id}/reports")
  ResponseEntity<ReportViews.Created> reportTorrent(
      @PathVariable String id, @RequestBody JsonNode body) {
    return created(reports.reportTorrent(Caller.current(), TorrentExceptions.parseId(id), body));
  }

  @PostMapping("/api/comments/{id}/reports")
  ResponseEntity<ReportViews.Created> reportComment(
      @PathVariable String id, @RequestBody JsonNode body) {
    return created(reports.reportComment(Caller.current(), commentId(id), body));
  }

  @GetMapping("/api/moderation/reports")
  ReportViews.Page queue(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    if (state != null && !state.equals("open") && !state.equals("resolved")) {
      throw Problems.validation("state", "Pattern", "state is open or resolved.");
    }
    return reports.queue(state == null ? "open" : state, Paging.of(page, size));
  }

  @PostMapping("/api/moderation/reports/{id}/resolve")
  ReportViews.Item resolve(
      @PathVariable String id,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    long reportId;
    try {
      reportId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ReportRules.notFound();
    }
    return resolver.resolve(
        Caller.current(),
        Caller.currentToken(),
        reportId,
        body,
        Language.fromAcceptLanguage(acceptLanguage));
  }

  private static ResponseEntity<ReportViews.Created> created(ReportViews.Created report) {
    return ResponseEntity.created(URI.create("/api/moderation/reports/" + report.id()))
        .body(report);
  }

  private static long commentId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ReportService.commentNotFound();
    }
  }
}
