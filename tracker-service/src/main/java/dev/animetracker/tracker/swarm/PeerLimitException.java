package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.TrackerProtocolException;

/**
 * The announcing network (IPv4 address, IPv6 /64) already holds as many peers as it may, in this
 * swarm or across all swarms; the new peer is not added and not counted.
 */
public final class PeerLimitException extends TrackerProtocolException {

  static final String REASON = "too many peers from your address";

  public PeerLimitException() {
    super(REASON);
  }
}
