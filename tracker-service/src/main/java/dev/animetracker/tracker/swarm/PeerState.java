package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.PeerId;
import java.net.InetAddress;
import java.time.Instant;

/**
 * What the tracker knows about one peer of a swarm: the replication unit between instances and what
 * moderators see ({@code GET /internal/tracker/torrents/{infoHash}/peers}).
 *
 * @param lastAnnounce when the peer last announced (second precision once it went through Redis)
 * @param completed whether this peer's {@code completed} event has been counted
 */
public record PeerState(
    PeerId peerId,
    InetAddress address,
    int port,
    long uploaded,
    long downloaded,
    long left,
    Instant lastAnnounce,
    boolean completed) {

  /** {@code left == 0}. */
  public boolean seeder() {
    return left == 0;
  }
}
