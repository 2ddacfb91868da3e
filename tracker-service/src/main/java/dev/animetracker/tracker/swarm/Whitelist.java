package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.InfoHash;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The info hashes the tracker serves. A hybrid torrent (BEP 52) is known under its v1 hash and its
 * truncated v2 hash; both map to one swarm key, so its v1 and v2 peers meet.
 */
@FunctionalInterface
public interface Whitelist {

  /** The swarm that {@code infoHash} belongs to, or {@code null} when it is not registered. */
  @Nullable InfoHash swarmOf(InfoHash infoHash);

  /**
   * Waits, at most {@code timeout}, until the whitelist holds what existed before this process
   * started (a start-up load that succeeded or gave up); a whitelist without such a load is ready
   * at once.
   *
   * @return whether it is ready
   */
  default boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return true;
  }
}
