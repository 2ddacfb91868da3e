package dev.animetracker.tracker.stats;

import dev.animetracker.common.event.tracker.SwarmStats;
import java.util.concurrent.CompletionStage;

/** Where flushed swarm counts go: {@code tracker-stats} in production, a fake in tests. */
@FunctionalInterface
interface StatsSender {

  /** Sends one swarm's counts keyed by its swarm key; the stage fails when the send did. */
  CompletionStage<?> send(String key, SwarmStats stats);
}
