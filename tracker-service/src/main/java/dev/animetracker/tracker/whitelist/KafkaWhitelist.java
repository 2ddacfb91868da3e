package dev.animetracker.tracker.whitelist;

import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.swarm.Whitelist;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The whitelist kept up to date from {@code torrent-events} and seeded from torrent-service. Reads
 * are lock-free; the rare writes are serialised.
 *
 * <ul>
 *   <li>a torrent is known under its tracker key ({@code infoHash}: v1, or truncated v2 for a
 *       v2-only torrent) and, for a hybrid, also under its truncated v2 hash; both map to the
 *       tracker key, so v1 and v2 peers share one swarm;
 *   <li>the last applied version of every torrent (deleted ones included, as tombstones) is kept,
 *       so a replayed or reordered older event never re-adds a deleted torrent nor undoes a newer
 *       state;
 *   <li>entries from the start-up bulk load carry no version: they never override what an event
 *       already said, and any event overrides them.
 * </ul>
 */
final class KafkaWhitelist implements Whitelist {

  /** Version of an entry from the bulk load, older than any event. */
  static final long UNVERSIONED = Long.MIN_VALUE;

  private record State(@Nullable InfoHash truncatedV2, long version, boolean live) {}

  private final Map<InfoHash, InfoHash> lookup = new ConcurrentHashMap<>();
  private final Map<InfoHash, State> states = new HashMap<>();
  private final CountDownLatch loaded = new CountDownLatch(1);

  @Override
  public @Nullable InfoHash swarmOf(InfoHash infoHash) {
    return lookup.get(infoHash);
  }

  @Override
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The start-up load is over: it succeeded, or gave up and leaves the rest to the events. */
  void markLoaded() {
    loaded.countDown();
  }

  /**
   * A torrent exists at {@code version} (created or updated).
   *
   * @return whether the whitelist changed its mind about the torrent's state
   */
  public synchronized boolean upsert(InfoHash key, @Nullable InfoHash truncatedV2, long version) {
    return apply(key, new State(truncatedV2, version, true), false);
  }

  /** A torrent was deleted at {@code version}; later events with older versions are ignored. */
  public synchronized boolean delete(InfoHash key, @Nullable InfoHash truncatedV2, long version) {
    return apply(key, new State(truncatedV2, version, false), false);
  }

  /** A torrent listed by the bulk load: added only when no event has said anything about it. */
  public synchronized boolean seed(InfoHash key, @Nullable InfoHash truncatedV2) {
    return apply(key, new State(truncatedV2, UNVERSIONED, true), true);
  }

  /** The number of served torrents (not hashes). */
  public synchronized int size() {
    return (int) states.values().stream().filter(State::live).count();
  }

  private boolean apply(InfoHash key, State next, boolean onlyIfAbsent) {
    State current = states.get(key);
    if (current != null && (onlyIfAbsent || next.version() <= current.version())) {
      return false;
    }
    states.put(key, next);
    if (current != null && current.truncatedV2() != null) {
      lookup.remove(current.truncatedV2(), key);
    }
    if (next.live()) {
      lookup.put(key, key);
      if (next.truncatedV2() != null && !next.truncatedV2().equals(key)) {
        lookup.put(next.truncatedV2(), key);
      }
    } else {
      lookup.remove(key, key);
      if (next.truncatedV2() != null) {
        lookup.remove(next.truncatedV2(), key);
      }
    }
    return true;
  }
}
