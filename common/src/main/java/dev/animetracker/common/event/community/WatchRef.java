package dev.animetracker.common.event.community;

import static dev.animetracker.common.event.Invariants.required;

import java.util.Set;

/**
 * One of a user's watches that matched a release.
 *
 * @param watchId the watch's id in search-service (the unsubscribe link names it)
 * @param kind {@code user}, {@code group}, {@code series} or {@code search}
 * @param label what the user recognises: the uploader's name, the group, the series title, or the
 *     saved search's name
 * @param delivery how the user wants mail for it: {@code instant}, {@code daily} or {@code none}
 */
public record WatchRef(long watchId, String kind, String label, String delivery) {

  /** The kinds of watch. */
  public static final Set<String> KINDS = Set.of("user", "group", "series", "search");

  /** The mail deliveries a watch may ask for. */
  public static final Set<String> DELIVERIES = Set.of("instant", "daily", "none");

  public WatchRef {
    if (!KINDS.contains(required(kind, "kind"))) {
      throw new IllegalArgumentException("kind must be one of " + KINDS);
    }
    required(label, "label");
    if (!DELIVERIES.contains(required(delivery, "delivery"))) {
      throw new IllegalArgumentException("delivery must be one of " + DELIVERIES);
    }
  }
}
