package dev.animetracker.search.index;

import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.search.bookmark.BookmarkService;
import dev.animetracker.search.watch.ReleaseMatcher;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The index writes of {@code torrent-events} that also concern watches: a new (or just created)
 * release is matched against the watches in the transaction of its index write, so a {@code
 * release.matched} exists exactly when the document does; a deletion takes the torrent out of every
 * feed and bookmark list.
 */
@Service
class ReleaseIndexing {

  private final ReadModelWriter writer;
  private final ReleaseMatcher matcher;
  private final BookmarkService bookmarks;

  ReleaseIndexing(ReadModelWriter writer, ReleaseMatcher matcher, BookmarkService bookmarks) {
    this.writer = writer;
    this.matcher = matcher;
    this.bookmarks = bookmarks;
  }

  /**
   * Indexes the snapshot and, for a creation or an update of a torrent created within the rematch
   * window, matches it (again: a replay, or a series attached a moment later, finds the users
   * already notified by their match rows).
   *
   * @return whether the snapshot was newer than what the index held
   */
  @Transactional
  public boolean snapshot(TorrentSnapshot snapshot, boolean created) {
    boolean applied = writer.snapshots(List.of(snapshot)) > 0;
    if (created || matcher.recentlyCreated(snapshot.createdAt())) {
      matcher.match(snapshot.torrentId());
    }
    return applied;
  }

  /** Tombstones the torrent; once it is gone, it leaves every feed and bookmark list. */
  @Transactional
  public void deleted(ReadModelWriter.Tombstone tombstone) {
    if (writer.tombstones(List.of(tombstone)) > 0) {
      matcher.forget(tombstone.torrentId());
      bookmarks.forget(tombstone.torrentId());
    }
  }
}
