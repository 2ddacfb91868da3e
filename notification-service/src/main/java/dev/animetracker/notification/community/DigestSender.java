package dev.animetracker.notification.community;

import dev.animetracker.common.user.UserContact;
import dev.animetracker.common.user.UserServiceClient;
import dev.animetracker.notification.mail.MailQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds one user's digest per call, in one transaction: lock the user ({@code FOR UPDATE SKIP
 * LOCKED} on {@code digest_recipient}), read their unsent items, queue the mail, mark the items
 * sent, commit. Two instances never build the same digest (the second skips the locked user, and
 * once the first commits the items are sent); a failure (user-service down) rolls everything back
 * and the next round tries again. Apart from {@link DigestWorker} so the calls pass the proxy.
 */
@Service
class DigestSender {

  /** What one call did. */
  enum Outcome {
    NOTHING_DUE,
    DONE
  }

  private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

  private final DigestRepository digests;
  private final CommunityMails mails;
  private final UserServiceClient users;
  private final MailQueue mailQueue;
  private final DigestProperties properties;
  private final Clock clock;

  DigestSender(
      DigestRepository digests,
      CommunityMails mails,
      UserServiceClient users,
      MailQueue mailQueue,
      DigestProperties properties,
      Clock clock) {
    this.digests = digests;
    this.mails = mails;
    this.users = users;
    this.mailQueue = mailQueue;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Outcome sendNext() {
    Instant now = clock.instant();
    Optional<Long> due = digests.lockDueRecipient(now.minus(properties.period()));
    if (due.isEmpty()) {
      return Outcome.NOTHING_DUE;
    }
    long userId = due.get();
    List<DigestItem> items = digests.pending(userId, properties.maxItems());
    if (items.isEmpty()) {
      // Another worker sent them between our query and our lock.
      return Outcome.DONE;
    }
    // The contact is read now, not when the release matched: the address, language and state of
    // the account at the time the mail goes out count.
    Optional<UserContact> contact = users.contact(userId);
    contact
        .flatMap(found -> mails.digest(userId, items, found))
        .ifPresentOrElse(
            mail -> mailQueue.enqueue(digestId(userId, items), mail),
            () -> log.debug("User {} cannot be mailed; digest dropped (inbox only)", userId));
    digests.markSent(userId, items.stream().map(DigestItem::id).toList(), clock.instant());
    log.info("Digest of {} release(s) for user {}", items.size(), userId);
    return Outcome.DONE;
  }

  /** The digest's stable id: the same items never make a second mail ({@code mail_delivery}). */
  private static UUID digestId(long userId, List<DigestItem> items) {
    String key = "digest|" + userId + "|" + items.getFirst().id() + "|" + items.getLast().id();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
