package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.TrackerProtocolException;

/** The info hash is not a live torrent of the site (never uploaded, or deleted). */
public final class UnregisteredTorrentException extends TrackerProtocolException {

  static final String REASON = "torrent not registered on this tracker";

  public UnregisteredTorrentException() {
    super(REASON);
  }
}
