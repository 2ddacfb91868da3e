package dev.animetracker.torrent.series;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Finds the series of the torrents written before series existed (a release, but no series decided)
 * and publishes {@code torrent.updated} for each that gets one, so search-service's read model
 * groups them too. Starts with the service, in the background, like the release backfill (whose
 * rows, parsed late, get their series there).
 *
 * <p>Safe with several instances starting together: each batch locks its rows with {@code for
 * update skip locked}, the write applies only while the series is still undecided, and series
 * creation itself is race-safe (see {@link SeriesMatcher}). Each batch commits on its own: an
 * interrupted backfill resumes at the next start.
 */
@Component
class SeriesBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SeriesBackfill.class);
  private static final int BATCH = 200;

  private final SeriesBackfillBatch batches;

  SeriesBackfill(SeriesBackfillBatch batches) {
    this.batches = batches;
  }

  @Override
  public void run(ApplicationArguments args) {
    Thread.ofVirtual()
        .name("series-backfill")
        .start(
            () -> {
              try {
                int matched = fill();
                if (matched > 0) {
                  log.info("Found the series of {} older torrents", matched);
                }
              } catch (RuntimeException e) {
                // The rows keep no series until the next start retries; reads are unaffected.
                log.error("Series backfill stopped", e);
              }
            });
  }

  /** Decides every undecided series this run can lock; how many torrents got one. */
  int fill() {
    int total = 0;
    while (true) {
      SeriesBackfillBatch.Result result = batches.fill(BATCH);
      if (result.decided() == 0) {
        return total;
      }
      total += result.matched();
    }
  }
}
