package dev.animetracker.tracker.swarm;

import java.util.List;

/**
 * The local changes of one swarm not yet written to the shared store, coalesced per peer (the
 * newest state of a peer wins).
 *
 * @param upserts peers announced here whose state the shared store must take
 * @param removals peers (id and address) that sent {@code stopped} here, or moved away with their
 *     key
 * @param completed {@code completed} events counted here since the last successful write
 */
public record SwarmChanges(List<PeerState> upserts, List<PeerAddress> removals, long completed) {

  public static final SwarmChanges NONE = new SwarmChanges(List.of(), List.of(), 0);

  public boolean isEmpty() {
    return upserts.isEmpty() && removals.isEmpty() && completed == 0;
  }
}
