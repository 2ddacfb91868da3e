package dev.animetracker.tracker.protocol;

/** How a request reached the tracker; it decides which peers a reply can carry. */
public enum Transport {
  /** BEP 3 over HTTP: IPv4 peers in {@code peers}, IPv6 peers in {@code peers6} (BEP 7). */
  HTTP,
  /** BEP 15: one address family per reply, the family the request came over. */
  UDP
}
