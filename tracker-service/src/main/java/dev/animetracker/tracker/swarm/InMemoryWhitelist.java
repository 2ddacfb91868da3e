package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.InfoHash;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A thread-safe whitelist held in memory. */
public final class InMemoryWhitelist implements Whitelist {

  private final Map<InfoHash, InfoHash> swarms = new ConcurrentHashMap<>();

  /**
   * Registers a torrent by its v1 hash, its truncated v2 hash, or both (a hybrid). The swarm key is
   * the v1 hash when there is one.
   */
  public void register(@Nullable InfoHash v1, @Nullable InfoHash truncatedV2) {
    InfoHash swarm = v1 != null ? v1 : truncatedV2;
    if (swarm == null) {
      throw new IllegalArgumentException("a torrent has at least one info hash");
    }
    swarms.put(swarm, swarm);
    if (truncatedV2 != null) {
      swarms.put(truncatedV2, swarm);
    }
  }

  public void unregister(@Nullable InfoHash v1, @Nullable InfoHash truncatedV2) {
    if (v1 != null) {
      swarms.remove(v1);
    }
    if (truncatedV2 != null) {
      swarms.remove(truncatedV2);
    }
  }

  @Override
  public @Nullable InfoHash swarmOf(InfoHash infoHash) {
    return swarms.get(infoHash);
  }
}
