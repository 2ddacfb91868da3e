package dev.animetracker.tracker.protocol;

import java.util.List;

/**
 * What an announce reply carries.
 *
 * @param interval seconds until the next regular announce (already jittered)
 * @param minInterval seconds a client must wait at least
 * @param complete seeders in the swarm
 * @param incomplete leechers in the swarm
 * @param downloaded completed downloads reported so far
 * @param peers other peers for the client, never the client itself; the encoders place each by its
 *     address family
 */
public record AnnounceResult(
    int interval,
    int minInterval,
    int complete,
    int incomplete,
    long downloaded,
    List<Peer> peers) {

  public AnnounceResult {
    peers = List.copyOf(peers);
  }
}
