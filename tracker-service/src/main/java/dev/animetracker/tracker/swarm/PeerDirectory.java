package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.InfoHash;
import java.util.List;

/** The live peers of a swarm with their last reported counters, for moderators. */
public interface PeerDirectory {

  /**
   * @param swarm the whitelist's swarm key (see {@link Whitelist#swarmOf})
   */
  List<PeerState> peers(InfoHash swarm);
}
