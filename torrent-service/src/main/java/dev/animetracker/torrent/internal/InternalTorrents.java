package dev.animetracker.torrent.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The internal API's reads for other services (internal network only; the gateway does not route
 * {@code /internal/**}): search-service's reindex pages and the tracker's whitelist.
 */
@Service
class InternalTorrents {

  private final SnapshotRepository snapshots;

  InternalTorrents(SnapshotRepository snapshots) {
    this.snapshots = snapshots;
  }

  /** A page whose rows, counters and tags all come from one snapshot of the database. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public SnapshotRepository.Page page(long afterId, int limit) {
    return snapshots.page(afterId, limit);
  }

  public List<SnapshotRepository.WhitelistEntry> whitelist() {
    return snapshots.whitelist();
  }
}
