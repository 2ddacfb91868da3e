package dev.animetracker.tracker.redis;

import dev.animetracker.tracker.protocol.PeerId;
import java.net.InetAddress;
import java.time.Instant;

/**
 * What the tracker knows about one live peer of a swarm, for moderators.
 *
 * @param seeder whether the last announce had {@code left == 0}
 * @param completed whether this peer's {@code completed} event has been counted
 */
public record PeerStats(
    PeerId peerId,
    InetAddress address,
    int port,
    long uploaded,
    long downloaded,
    long left,
    Instant lastAnnounce,
    boolean seeder,
    boolean completed) {}
