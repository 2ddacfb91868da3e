package dev.animetracker.common.event.tracker;

/** Everything published on {@code tracker-stats}. */
public sealed interface TrackerEvent permits SwarmStats {}
