package dev.animetracker.torrent.release;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

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

  private final ReleaseBackfillBatch batches;

  ReleaseBackfill(ReleaseBackfillBatch batches) {
    this.batches = batches;
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
      int filled = batches.fill(BATCH);
      if (filled == 0) {
        return total;
      }
      total += filled;
    }
  }
}
