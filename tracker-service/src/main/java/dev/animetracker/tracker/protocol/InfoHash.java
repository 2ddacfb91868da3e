package dev.animetracker.tracker.protocol;

import java.util.Arrays;

/**
 * A torrent's 20-byte info hash as it travels in tracker requests: the SHA-1 of a v1 info
 * dictionary, or the SHA-256 of a v2 one truncated to 20 bytes (BEP 52).
 */
public final class InfoHash extends Id20 implements Comparable<InfoHash> {

  private InfoHash(byte[] bytes) {
    super(bytes);
  }

  /** Copies {@code bytes}, which must be exactly 20 bytes long. */
  public static InfoHash of(byte[] bytes) {
    return new InfoHash(bytes.clone());
  }

  /** Takes ownership of a fresh 20-byte array. */
  static InfoHash wrap(byte[] bytes) {
    return new InfoHash(bytes);
  }

  public static InfoHash fromHex(String hex) {
    return new InfoHash(parseHex(hex));
  }

  /** The tracker form of a v2 info hash: its first 20 bytes (BEP 52). */
  public static InfoHash truncatedV2(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a v2 info hash has 32 bytes, got " + sha256.length);
    }
    return new InfoHash(Arrays.copyOf(sha256, LENGTH));
  }

  /** Unsigned byte order, the order of bencoded dictionary keys. */
  @Override
  public int compareTo(InfoHash other) {
    return Arrays.compareUnsigned(unsafeBytes(), other.unsafeBytes());
  }

  @Override
  public String toString() {
    return hex();
  }
}
