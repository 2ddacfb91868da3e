package dev.animetracker.search.bookmark;

import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.search.torrents.TorrentServiceClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClientException;

/**
 * Bookmarks, and the {@code bookmark.commented} their owners get when someone else comments on the
 * torrent.
 */
@Service
public class BookmarkService {

  /** The consumer name under which applied comment events are remembered. */
  static final String CONSUMER = "search-service.bookmark-commented";

  private final BookmarkRepository repository;
  private final Outbox outbox;
  private final ProcessedEvents processed;
  private final TorrentServiceClient torrents;
  private final Clock clock = Clock.systemUTC();

  BookmarkService(
      BookmarkRepository repository,
      Outbox outbox,
      ProcessedEvents processed,
      TorrentServiceClient torrents) {
    this.repository = repository;
    this.torrents = torrents;
    this.outbox = outbox;
    this.processed = processed;
  }

  /** A page of bookmarks and the number of them. */
  record Page(List<BookmarkRepository.Entry> entries, long total) {}

  /**
   * Bookmarks a live torrent. One uploaded a moment ago may not be indexed yet (its page is already
   * up): torrent-service is asked then, outside any transaction, and the bookmark shows once the
   * torrent is indexed.
   */
  void add(long userId, long torrentId) {
    boolean live =
        switch (repository.torrent(torrentId)) {
          case LIVE -> true;
          case DELETED -> false;
          case UNKNOWN -> listedByTorrentService(torrentId);
        };
    if (!live) {
      throw new DomainException(HttpStatus.NOT_FOUND, "torrent-not-found", "No such torrent.");
    }
    repository.add(userId, torrentId, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }

  private boolean listedByTorrentService(long torrentId) {
    try {
      return torrents.listed(torrentId);
    } catch (RestClientException e) {
      throw new DomainException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "torrent-service-unavailable",
          "Cannot check the torrent now; try again in a moment.");
    }
  }

  @Transactional
  void remove(long userId, long torrentId) {
    repository.remove(userId, torrentId);
  }

  @Transactional(readOnly = true)
  boolean has(long userId, long torrentId) {
    return repository.has(userId, torrentId);
  }

  @Transactional(readOnly = true)
  Page page(long userId, int offset, int limit) {
    List<BookmarkRepository.Entry> entries = repository.page(userId, offset, limit);
    long total =
        !entries.isEmpty() && entries.size() < limit
            ? offset + entries.size()
            : repository.count(userId);
    return new Page(entries, total);
  }

  /**
   * One {@code bookmark.commented} per bookmarker of the torrent but the comment's author and the
   * torrent's uploader (who gets comment mail anyway); once per event however often it arrives.
   */
  @Transactional
  public int commented(UUID eventId, CommentCreated comment) {
    if (!processed.firstTime(CONSUMER, eventId)) {
      return 0;
    }
    List<Long> users =
        repository.bookmarkers(
            comment.torrentId(), List.of(comment.authorId(), comment.torrentUploaderId()));
    String excerpt = Excerpts.plain(comment.text());
    for (long user : users) {
      outbox.publish(
          Long.toString(user),
          new BookmarkCommented(
              user,
              comment.torrentId(),
              comment.torrentTitle(),
              comment.commentId(),
              comment.authorUsername(),
              excerpt,
              comment.createdAt()));
    }
    return users.size();
  }

  /** A deleted torrent is nobody's bookmark any more. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forget(long torrentId) {
    repository.forgetTorrent(torrentId);
  }
}
