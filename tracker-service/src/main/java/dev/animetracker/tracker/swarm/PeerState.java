package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.PeerId;
import java.net.InetAddress;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * What the tracker knows about one peer of a swarm: the replication unit between instances and what
 * moderators see ({@code GET /internal/tracker/torrents/{infoHash}/peers}).
 *
 * @param lastAnnounce when the peer last announced (second precision once it went through Redis)
 * @param completed whether this peer reported {@code completed} (counted once per network)
 * @param key the BEP 7 key the peer first announced with: the proof that lets it change address
 */
public record PeerState(
    PeerId peerId,
    InetAddress address,
    int port,
    long uploaded,
    long downloaded,
    long left,
    Instant lastAnnounce,
    boolean completed,
    OptionalInt key) {

  /** A peer that announced without a key. */
  public PeerState(
      PeerId peerId,
      InetAddress address,
      int port,
      long uploaded,
      long downloaded,
      long left,
      Instant lastAnnounce,
      boolean completed) {
    this(
        peerId,
        address,
        port,
        uploaded,
        downloaded,
        left,
        lastAnnounce,
        completed,
        OptionalInt.empty());
  }

  /** The peer's identity. */
  public PeerAddress identity() {
    return new PeerAddress(peerId, address);
  }

  /** {@code left == 0}. */
  public boolean seeder() {
    return left == 0;
  }
}
