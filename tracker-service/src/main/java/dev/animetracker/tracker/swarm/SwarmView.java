package dev.animetracker.tracker.swarm;

import java.util.List;

/**
 * One swarm as the shared store holds it after a sync: every instance's peers.
 *
 * @param seeders live seeders of all instances
 * @param leechers live leechers of all instances
 * @param completed completed downloads ever counted (survives restarts)
 * @param complete whether {@code members} lists every live peer, or only a sample of a large swarm
 * @param members live peers (all of them, or a random sample when not {@code complete})
 */
public record SwarmView(
    int seeders, int leechers, long completed, boolean complete, List<PeerState> members) {}
