package dev.animetracker.common.bencode;

import java.util.Arrays;

/**
 * Bytes that are already bencoded and are written verbatim by {@link BEncoder}, e.g. the original
 * {@code info} dictionary of a torrent whose trackers are being rewritten (its info hash must not
 * change). The encoder does not check them: they must be exactly one valid bencoded value.
 */
public final class BRaw implements BValue {

  private final byte[] encoded;

  private BRaw(byte[] encoded) {
    this.encoded = encoded;
  }

  /** Copies {@code encoded}. */
  public static BRaw of(byte[] encoded) {
    return new BRaw(encoded.clone());
  }

  /** Copies the span of {@code source}, typically from {@link BDictionary#spanOf(String)}. */
  public static BRaw of(byte[] source, Span span) {
    return new BRaw(span.slice(source));
  }

  public byte[] encoded() {
    return encoded.clone();
  }

  byte[] unsafeEncoded() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BRaw other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "BRaw[" + encoded.length + " bytes]";
  }
}
