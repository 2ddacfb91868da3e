package dev.animetracker.common.torrent;

import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The hex forms of info hashes as events, APIs and files carry them, checked the same way in every
 * service: a v1 hash (or the tracker key of a v2-only torrent) is 40 hex digits, a v2 hash 64;
 * upper and lower case are both accepted and read as lower case.
 */
public final class InfoHashes {

  /** Hex digits of a v1 info hash (SHA-1), also the tracker key of every torrent. */
  public static final int V1_HEX_LENGTH = 40;

  /** Hex digits of a v2 info hash (SHA-256). */
  public static final int V2_HEX_LENGTH = 64;

  private InfoHashes() {}

  /** Whether the value is exactly {@code length} hex digits. */
  public static boolean isHex(@Nullable String value, int length) {
    return value != null
        && value.length() == length
        && value.chars().allMatch(HexFormat::isHexDigit);
  }

  /** Whether the value is a v1 info hash (40 hex digits). */
  public static boolean isV1(@Nullable String value) {
    return isHex(value, V1_HEX_LENGTH);
  }

  /** Whether the value is a v2 info hash (64 hex digits). */
  public static boolean isV2(@Nullable String value) {
    return isHex(value, V2_HEX_LENGTH);
  }

  /**
   * A required v1 info hash in lower case.
   *
   * @param field the name used in the message, e.g. {@code infoHash}
   * @throws IllegalArgumentException if it is missing or not 40 hex digits
   */
  public static String requireV1(@Nullable String value, String field) {
    if (!isV1(value)) {
      throw new IllegalArgumentException("malformed " + field + ": expected 40 hex digits");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * An optional v2 info hash in lower case; null stays null (a v1-only torrent).
   *
   * @throws IllegalArgumentException if present but not 64 hex digits
   */
  public static @Nullable String optionalV2(@Nullable String value, String field) {
    if (value == null) {
      return null;
    }
    if (!isV2(value)) {
      throw new IllegalArgumentException("malformed " + field + ": expected 64 hex digits");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
