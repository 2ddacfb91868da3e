package dev.animetracker.torrent.release;

import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parses the release of the torrents written before release fields existed (their {@code release}
 * is null) and publishes {@code torrent.updated} for each through the outbox, so search-service's
 * read model gets the fields too. Starts with the service, in the background: the rows stay
 * readable meanwhile (with no release), and readiness does not wait for a large catalogue.
 *
 * <p>Safe with several instances starting together: each batch locks its rows with {@code for
 * update skip locked}, so two backfills never take the same row, and the write only applies while
 * the release is still unset, so a row is parsed and announced once. Each batch commits on its own:
 * an interrupted backfill resumes at the next start.
 */
@Component
class ReleaseBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ReleaseBackfill.class);
  private static final int BATCH = 200;

  /** {@code changedBy} of the events: no user changed these torrents. */
  static final long SYSTEM = 0;

  private final TorrentRepository torrents;
  private final Releases releases;
  private final Outbox outbox;
  private final TransactionTemplate transactions;

  ReleaseBackfill(
      TorrentRepository torrents,
      Releases releases,
      Outbox outbox,
      TransactionTemplate transactions) {
    this.torrents = torrents;
    this.releases = releases;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    Thread.ofVirtual()
        .name("release-backfill")
        .start(
            () -> {
              try {
                int filled = fill();
                if (filled > 0) {
                  log.info("Parsed the release of {} older torrents", filled);
                }
              } catch (RuntimeException e) {
                // The rows keep no release until the next start retries; reads are unaffected.
                log.error("Release backfill stopped", e);
              }
            });
  }

  /** Fills every unset release this run can lock; the number of rows it filled. */
  int fill() {
    int total = 0;
    while (true) {
      Integer filled = transactions.execute(status -> fillBatch());
      if (filled == null || filled == 0) {
        return total;
      }
      total += filled;
    }
  }

  private int fillBatch() {
    List<TorrentRow> rows = torrents.lockUnparsed(BATCH);
    if (rows.isEmpty()) {
      return 0;
    }
    Map<Long, List<Tag>> tags = torrents.tags(rows.stream().map(TorrentRow::id).toList());
    int filled = 0;
    for (TorrentRow row : rows) {
      ParsedRelease release = releases.parse(row);
      if (!torrents.fillRelease(row.id(), release)) {
        continue;
      }
      TorrentRow updated = torrents.find(row.id()).orElseThrow();
      outbox.publish(
          updated.infoHash(),
          new TorrentUpdated(updated.snapshot(tags.getOrDefault(row.id(), List.of())), SYSTEM));
      filled++;
    }
    return filled;
  }
}
