package dev.animetracker.notification.community;

import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.inbox.Inbox;
import dev.animetracker.notification.inbox.MatchedBy;
import dev.animetracker.notification.inbox.NewNotification;
import dev.animetracker.notification.mail.MailQueue;
import dev.animetracker.notification.mail.MailTexts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a community event in one transaction: once per event id ({@code ProcessedEvents}), an
 * inbox entry (once per user and release or comment, whatever the events say), and then the mail:
 * queued now, added to the digest, or none. The contact was looked up by the caller beforehand, so
 * no transaction waits for user-service.
 */
@Service
class CommunityNotifications {

  /** The {@code processed_event.consumer} of community events. */
  static final String CONSUMER = "community";

  /** Longer titles are cut in the inbox. */
  static final int MAX_INBOX_TITLE = 300;

  private static final Logger log = LoggerFactory.getLogger(CommunityNotifications.class);

  private final ProcessedEvents processedEvents;
  private final Inbox inbox;
  private final MailQueue mailQueue;
  private final CommunityMails mails;
  private final DigestRepository digests;
  private final Clock clock;

  CommunityNotifications(
      ProcessedEvents processedEvents,
      Inbox inbox,
      MailQueue mailQueue,
      CommunityMails mails,
      DigestRepository digests,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.inbox = inbox;
    this.mailQueue = mailQueue;
    this.mails = mails;
    this.digests = digests;
    this.clock = clock;
  }

  /**
   * A release matched the user's watches.
   *
   * @param contact the user's contact if the delivery is instant and the user exists
   */
  @Transactional
  public void release(UUID eventId, ReleaseMatched release, Optional<UserContact> contact) {
    if (!processedEvents.firstTime(CONSUMER, eventId)) {
      log.debug("Event {} was already handled", eventId);
      return;
    }
    String title = MailTexts.oneLine(release.title(), MAX_INBOX_TITLE, "#" + release.torrentId());
    String uploader = MailTexts.oneLine(release.uploader(), 100, "");
    List<MatchedBy> matchedBy =
        release.matchedBy().stream()
            .map(watch -> new MatchedBy(watch.kind(), MailTexts.oneLine(watch.label(), 150, "?")))
            .toList();
    boolean added =
        inbox.add(
            new NewNotification(
                release.userId(),
                Inbox.RELEASE,
                release.torrentId(),
                null,
                null,
                title,
                null,
                uploader.isEmpty() ? null : uploader,
                "/torrents/" + release.torrentId(),
                matchedBy,
                null,
                clock.instant()));
    if (!added) {
      log.debug("User {} was told about torrent {} before", release.userId(), release.torrentId());
      return;
    }
    switch (Deliveries.strongest(release.matchedBy())) {
      case Deliveries.INSTANT ->
          contact
              .flatMap(found -> mails.release(release, found))
              .ifPresent(mail -> mailQueue.enqueue(eventId, mail));
      case Deliveries.DAILY ->
          digests.add(
              release.userId(),
              release.torrentId(),
              title,
              uploader,
              release.matchedBy(),
              clock.instant());
      default -> log.debug("No mail wanted for torrent {}", release.torrentId());
    }
  }

  /**
   * Someone commented on a torrent the user bookmarked.
   *
   * @param contact the user's contact, empty if the user is gone
   */
  @Transactional
  public void bookmarkComment(
      UUID eventId, BookmarkCommented comment, Optional<UserContact> contact) {
    if (!processedEvents.firstTime(CONSUMER, eventId)) {
      log.debug("Event {} was already handled", eventId);
      return;
    }
    boolean added =
        inbox.add(
            new NewNotification(
                comment.userId(),
                Inbox.COMMENT,
                comment.torrentId(),
                comment.commentId(),
                null,
                MailTexts.oneLine(
                    comment.torrentTitle(), MAX_INBOX_TITLE, "#" + comment.torrentId()),
                MailTexts.block(comment.excerpt(), CommunityMails.MAX_EXCERPT_LENGTH),
                MailTexts.oneLine(comment.author(), 100, "?"),
                "/torrents/" + comment.torrentId() + "#comment-" + comment.commentId(),
                List.of(),
                null,
                clock.instant()));
    if (!added) {
      return;
    }
    contact
        .flatMap(found -> mails.bookmarkComment(comment, found))
        .ifPresent(mail -> mailQueue.enqueue(eventId, mail));
  }
}
