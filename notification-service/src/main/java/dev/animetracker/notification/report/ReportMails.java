package dev.animetracker.notification.report;

import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import dev.animetracker.notification.mail.MailTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The mail telling a reporter how their report was resolved. */
@Component
class ReportMails {

  /** What was reported, what the moderators did, and their note. */
  static final String REPORT_RESOLVED = "report-resolved";

  /** The report reasons with texts of their own; anything else reads as {@code other}. */
  static final Set<String> REASONS =
      Set.of("fake", "wrong-category", "malware", "illegal", "spam", "other");

  static final int MAX_TITLE_LENGTH = 150;
  static final int MAX_NOTE_LENGTH = 2000;

  private final NotificationProperties properties;

  ReportMails(NotificationProperties properties) {
    this.properties = properties;
  }

  /** The site path of the reported thing. */
  static String path(ReportResolved report) {
    return "comment".equals(report.targetType())
        ? "/torrents/" + report.torrentId() + "#comment-" + report.targetId()
        : "/torrents/" + report.torrentId();
  }

  /** The mail, or empty if the reporter cannot be mailed (inactive, no address). */
  Optional<MailRequest> forReporter(ReportResolved report, UserContact contact) {
    if (!contact.active() || contact.email() == null || contact.email().isBlank()) {
      return Optional.empty();
    }
    String title =
        MailTexts.oneLine(report.targetTitle(), MAX_TITLE_LENGTH, "#" + report.targetId());
    String note = MailTexts.block(report.note(), MAX_NOTE_LENGTH);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(
        "username",
        contact.username() == null || contact.username().isBlank()
            ? contact.email().strip()
            : contact.username());
    variables.put("title", title);
    variables.put(
        "targetKey",
        "comment".equals(report.targetType()) ? "report.target.comment" : "report.target.torrent");
    variables.put(
        "reasonKey",
        "report.reason." + (REASONS.contains(report.reason()) ? report.reason() : "other"));
    variables.put("actionKey", "report.action." + report.action());
    variables.put("note", note);
    variables.put("hasNote", !note.isEmpty());
    variables.put("moderator", MailTexts.oneLine(report.resolvedBy(), 100, "?"));
    variables.put("link", properties.link(path(report)));
    variables.put("siteUrl", properties.link("/"));
    return Optional.of(
        new MailRequest(
            REPORT_RESOLVED,
            contact.email().strip(),
            MailLocales.resolve(contact.locale()),
            variables,
            List.of(title)));
  }
}
