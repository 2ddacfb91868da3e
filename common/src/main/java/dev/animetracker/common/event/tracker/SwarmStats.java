package dev.animetracker.common.event.tracker;

import static dev.animetracker.common.event.Invariants.required;
import static dev.animetracker.common.event.Invariants.v1Hash;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * A swarm's counts as the tracker saw them at {@code observedAt}, published for swarms that changed
 * since the last flush. Keyed by info hash (the 40-hex tracker key). A snapshot, not a delta:
 * consumers keep the newest by {@code observedAt} and may drop older ones, so repeats and
 * reordering are harmless.
 */
@EventType(value = "tracker.stats", topic = Topics.TRACKER_STATS)
public record SwarmStats(
    String infoHash, long seeders, long leechers, long completed, Instant observedAt)
    implements TrackerEvent {

  public SwarmStats {
    v1Hash(infoHash, "infoHash");
    required(observedAt, "observedAt");
  }
}
