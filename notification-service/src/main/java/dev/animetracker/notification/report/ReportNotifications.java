package dev.animetracker.notification.report;

import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.inbox.Inbox;
import dev.animetracker.notification.inbox.NewNotification;
import dev.animetracker.notification.mail.MailQueue;
import dev.animetracker.notification.mail.MailTexts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a reporter the outcome, in one transaction: once per event id, one inbox entry per report,
 * and a mail in the reporter's language if they can be mailed.
 */
@Service
class ReportNotifications {

  /** The {@code processed_event.consumer} of moderation events. */
  static final String CONSUMER = "moderation";

  private final ProcessedEvents processedEvents;
  private final Inbox inbox;
  private final MailQueue mailQueue;
  private final ReportMails mails;
  private final Clock clock;

  ReportNotifications(
      ProcessedEvents processedEvents,
      Inbox inbox,
      MailQueue mailQueue,
      ReportMails mails,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.inbox = inbox;
    this.mailQueue = mailQueue;
    this.mails = mails;
    this.clock = clock;
  }

  /**
   * @param contact the reporter's contact, empty if the account is gone
   */
  @Transactional
  public void resolved(UUID eventId, ReportResolved report, Optional<UserContact> contact) {
    if (!processedEvents.firstTime(CONSUMER, eventId)) {
      return;
    }
    String note = MailTexts.block(report.note(), ReportMails.MAX_NOTE_LENGTH);
    boolean added =
        inbox.add(
            new NewNotification(
                report.reporterId(),
                Inbox.REPORT_RESOLVED,
                report.torrentId(),
                "comment".equals(report.targetType()) ? report.targetId() : null,
                report.reportId(),
                MailTexts.oneLine(report.targetTitle(), 300, "#" + report.targetId()),
                note.isEmpty() ? null : note,
                MailTexts.oneLine(report.resolvedBy(), 100, "?"),
                ReportMails.path(report),
                List.of(),
                report.action(),
                clock.instant()));
    if (!added) {
      return;
    }
    contact
        .flatMap(found -> mails.forReporter(report, found))
        .ifPresent(mail -> mailQueue.enqueue(eventId, mail));
  }
}
