package dev.animetracker.tracker.protocol;

import org.jspecify.annotations.Nullable;

/** The {@code event} of an announce (BEP 3 names, BEP 15 codes, BEP 21 {@code paused}). */
public enum AnnounceEvent {
  /** A regular interval announce ({@code event} absent, empty or {@code empty}). */
  NONE,
  COMPLETED,
  STARTED,
  STOPPED,
  /** BEP 21: a partial seed that stopped downloading; treated like a regular announce. */
  PAUSED;

  /**
   * The event named in an HTTP announce, or {@code null} for an unknown name.
   *
   * @param name the decoded value of the {@code event} parameter
   */
  static @Nullable AnnounceEvent fromHttp(String name) {
    return switch (name) {
      case "", "empty" -> NONE;
      case "started" -> STARTED;
      case "completed" -> COMPLETED;
      case "stopped" -> STOPPED;
      case "paused" -> PAUSED;
      default -> null;
    };
  }

  /** The event of a BEP 15 announce (0 none, 1 completed, 2 started, 3 stopped), or null. */
  static @Nullable AnnounceEvent fromUdp(int code) {
    return switch (code) {
      case 0 -> NONE;
      case 1 -> COMPLETED;
      case 2 -> STARTED;
      case 3 -> STOPPED;
      default -> null;
    };
  }
}
