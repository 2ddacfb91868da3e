package dev.animetracker.common.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A bencoded byte string ({@code 4:spam}). Immutable; ordered by unsigned raw byte order, which is
 * the order BEP 3 requires for dictionary keys.
 */
public final class BString implements BValue, Comparable<BString> {

  private final byte[] bytes;

  private BString(byte[] bytes, boolean copy) {
    this.bytes = copy ? bytes.clone() : bytes;
  }

  /** Copies {@code bytes}. */
  public static BString of(byte[] bytes) {
    return new BString(bytes, true);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static BString of(String text) {
    return new BString(text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Takes ownership of {@code bytes} without copying (the decoder's fresh arrays). */
  static BString wrap(byte[] bytes) {
    return new BString(bytes, false);
  }

  /** A copy of the raw bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The raw bytes without copying; callers inside this package must not modify them. */
  byte[] unsafeBytes() {
    return bytes;
  }

  public int length() {
    return bytes.length;
  }

  /** The bytes decoded as UTF-8; malformed sequences become U+FFFD. */
  public String utf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** True if the bytes are exactly the UTF-8 encoding of {@code text}. */
  public boolean contentEquals(String text) {
    return Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int compareTo(BString other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BString other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Printable text when the bytes are short printable ASCII/UTF-8, otherwise hex. */
  @Override
  public String toString() {
    if (bytes.length > 64) {
      return "BString[" + bytes.length + " bytes]";
    }
    String text = utf8();
    boolean printable = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
    return printable ? "\"" + text + "\"" : "0x" + HexFormat.of().formatHex(bytes);
  }
}
