package dev.animetracker.tracker.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 20-byte identifier compared by content: the common part of {@link InfoHash} and {@link PeerId}.
 */
public abstract sealed class Id20 permits InfoHash, PeerId {

  public static final int LENGTH = 20;

  private final byte[] bytes;
  private final int hash;

  Id20(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("expected 20 bytes, got " + bytes.length);
    }
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** A copy of the raw bytes. */
  public final byte[] bytes() {
    return bytes.clone();
  }

  /** The raw bytes without copying; the caller must not modify them. */
  final byte[] unsafeBytes() {
    return bytes;
  }

  public final String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && hash == ((Id20) o).hash
        && Arrays.equals(bytes, ((Id20) o).bytes);
  }

  @Override
  public final int hashCode() {
    return hash;
  }

  static byte[] parseHex(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("expected 40 hex digits: " + hex);
    }
    return bytes;
  }
}
