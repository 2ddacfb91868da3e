package dev.animetracker.notification.inbox;

import dev.animetracker.common.web.DomainException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-site inbox: what listeners add, what the API pages through and marks read. Each user sees
 * and changes only their own entries.
 */
@Service
public class Inbox {

  /** A new release matched the user's watches. */
  public static final String RELEASE = "release";

  /** Someone commented on a torrent the user bookmarked. */
  public static final String COMMENT = "comment";

  /** A report the user filed was resolved. */
  public static final String REPORT_RESOLVED = "report-resolved";

  static final Set<String> KINDS = Set.of(RELEASE, COMMENT, REPORT_RESOLVED);

  /** The most ids one mark-read request may name. */
  public static final int MAX_READ_IDS = 500;

  private final InboxRepository entries;

  Inbox(InboxRepository entries) {
    this.entries = entries;
  }

  /**
   * Adds an entry in the caller's transaction, unless the user already has one for the same
   * release, comment or report.
   *
   * @return whether it was new (a repeat changes nothing, and the caller mails nothing)
   */
  @Transactional
  public boolean add(NewNotification entry) {
    return entries.insert(entry);
  }

  /** A page of the user's inbox, newest first, optionally only the unread entries. */
  @Transactional(readOnly = true)
  public InboxPage page(long userId, boolean unreadOnly, Paging paging) {
    return new InboxPage(
        entries.page(userId, unreadOnly, paging),
        paging.page(),
        paging.size(),
        entries.count(userId, unreadOnly),
        entries.count(userId, true));
  }

  @Transactional(readOnly = true)
  public UnreadCount unread(long userId) {
    return new UnreadCount(entries.count(userId, true));
  }

  /**
   * Marks entries read: the named ones the user owns, or all of them.
   *
   * @throws DomainException 400 {@code invalid-read-request} unless exactly one of {@code ids} (1
   *     to {@value #MAX_READ_IDS} positive ids) and {@code all: true} is given
   */
  @Transactional
  public UnreadCount markRead(long userId, ReadRequest request) {
    boolean all = Boolean.TRUE.equals(request.all());
    List<Long> ids = request.ids();
    if (all == (ids != null) || (request.all() != null && !all)) {
      throw invalid("Send either {\"ids\": [...]} or {\"all\": true}.");
    }
    if (all) {
      entries.markAllRead(userId);
    } else {
      if (ids.isEmpty() || ids.size() > MAX_READ_IDS) {
        throw invalid("ids must name 1 to " + MAX_READ_IDS + " notifications.");
      }
      if (ids.stream().anyMatch(id -> id == null || id <= 0)) {
        throw invalid("ids must be positive integers.");
      }
      entries.markRead(userId, ids);
    }
    return new UnreadCount(entries.count(userId, true));
  }

  private static DomainException invalid(String detail) {
    return new DomainException(HttpStatus.BAD_REQUEST, "invalid-read-request", detail);
  }
}
