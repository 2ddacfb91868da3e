package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.ScrapeResult;
import java.util.Collection;
import java.util.List;

/**
 * Which swarms' seeders/leechers/completed changed, and their counts: what the stats flush sends.
 */
public interface SwarmCounts {

  /** Takes the swarm keys whose counts may have changed since the last call. */
  List<InfoHash> drainChanged();

  /** Puts keys back whose flush failed, so the next flush sends them again. */
  void requeue(Collection<InfoHash> keys);

  /** How many swarms wait for the next flush. */
  int pending();

  /**
   * The counts of those of {@code keys} that are settled; a swarm not settled yet (replicated and
   * not synced once) is re-queued by this call instead, and a forgotten one is left out.
   */
  List<ScrapeResult.Entry> settledCounts(Collection<InfoHash> keys);
}
