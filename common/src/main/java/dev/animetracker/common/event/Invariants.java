package dev.animetracker.common.event;

import dev.animetracker.common.torrent.InfoHashes;
import org.jspecify.annotations.Nullable;

/**
 * The checks payload records make in their compact constructors. A violation throws {@link
 * IllegalArgumentException}: on the consuming side Jackson wraps it, and the decoder turns it into
 * a poison event (logged and skipped, never retried); on the producing side it stops a malformed
 * event before it reaches the outbox.
 */
public final class Invariants {

  private Invariants() {}

  /** The value must be present. */
  public static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** A v1 info hash or tracker key: 40 hex digits. */
  public static String v1Hash(@Nullable String value, String field) {
    if (!InfoHashes.isV1(value)) {
      throw new IllegalArgumentException(field + " must be 40 hex digits");
    }
    return value;
  }

  /** An optional v2 info hash: absent, or 64 hex digits. */
  public static @Nullable String optionalV2Hash(@Nullable String value, String field) {
    if (value != null && !InfoHashes.isV2(value)) {
      throw new IllegalArgumentException(field + " must be 64 hex digits when present");
    }
    return value;
  }
}
