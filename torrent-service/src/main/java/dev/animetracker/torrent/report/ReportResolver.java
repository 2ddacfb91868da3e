package dev.animetracker.torrent.report;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.user.UserBans;
import dev.animetracker.torrent.web.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Resolves a report group. A ban goes to user-service first, outside the transaction (no database
 * row stays locked while another service answers); only when it succeeded does {@link ReportWriter}
 * resolve the group, so user-service being down resolves nothing. If the group was resolved
 * meanwhile by another moderator the ban stands (it was asked for) and this request gets 409.
 */
@Service
class ReportResolver {

  private final ReportRepository reports;
  private final ReportWriter writer;
  private final UserBans bans;

  ReportResolver(ReportRepository reports, ReportWriter writer, UserBans bans) {
    this.reports = reports;
    this.writer = writer;
    this.bans = bans;
  }

  ReportViews.Item resolve(
      Caller moderator, String bearerToken, long reportId, JsonNode body, Language language) {
    ReportRules.Resolution resolution = ReportRules.resolution(body);
    ReportRepository.Row report = reports.find(reportId).orElseThrow(ReportRules::notFound);
    if (!"open".equals(report.state())) {
      throw ReportRules.resolved();
    }
    if ("remake".equals(resolution.action()) && "comment".equals(report.targetType())) {
      throw ReportRules.invalidAction();
    }
    if ("ban-uploader".equals(resolution.action())) {
      Instant until =
          resolution.banDays() == null
              ? null
              : Instant.now()
                  .plus(Duration.ofDays(resolution.banDays()))
                  .truncatedTo(ChronoUnit.SECONDS);
      String reason =
          resolution.note() != null
              ? resolution.note()
              : "Report #" + report.id() + ": " + report.reason();
      bans.ban(bearerToken, report.targetAuthor(), reason, until);
    }
    return writer.resolve(moderator, report, resolution, language);
  }
}
