package dev.animetracker.common.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A bencoded byte string ({@code 4:spam}). Immutable; ordered by unsigned raw byte order, which is
 * the order BEP 3 requires for dictionary keys.
 *
 * <p>A decoded string is a slice of the decoder's input (which nobody modifies), not a copy: a
 * million short keys and path components cost one small object each instead of an object and an
 * array.
 */
public final class BString implements BValue, Comparable<BString> {

  private static final byte[] NONE = new byte[0];
  static final BString EMPTY = new BString(NONE, 0, 0);

  private final byte[] source;
  private final int offset;
  private final int length;

  private BString(byte[] source, int offset, int length) {
    this.source = source;
    this.offset = offset;
    this.length = length;
  }

  /** Copies {@code bytes}. */
  public static BString of(byte[] bytes) {
    return new BString(bytes.clone(), 0, bytes.length);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static BString of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new BString(bytes, 0, bytes.length);
  }

  /** A view of {@code length} bytes of {@code source} (the decoder's input, never modified). */
  static BString slice(byte[] source, int offset, int length) {
    return length == 0 ? EMPTY : new BString(source, offset, length);
  }

  /** A copy of the raw bytes. */
  public byte[] bytes() {
    return Arrays.copyOfRange(source, offset, offset + length);
  }

  /** Appends the raw bytes to {@code out} (the encoder). */
  void writeTo(ByteArrayOutputStream out) {
    out.write(source, offset, length);
  }

  public int length() {
    return length;
  }

  /** The bytes decoded as UTF-8; malformed sequences become U+FFFD. */
  public String utf8() {
    return new String(source, offset, length, StandardCharsets.UTF_8);
  }

  /** True if the bytes are exactly the UTF-8 encoding of {@code text}. */
  public boolean contentEquals(String text) {
    byte[] other = text.getBytes(StandardCharsets.UTF_8);
    return Arrays.equals(source, offset, offset + length, other, 0, other.length);
  }

  @Override
  public int compareTo(BString other) {
    return Arrays.compareUnsigned(
        source, offset, offset + length, other.source, other.offset, other.offset + other.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BString other
        && Arrays.equals(
            source,
            offset,
            offset + length,
            other.source,
            other.offset,
            other.offset + other.length);
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + source[i];
    }
    return hash;
  }

  /** Printable text when the bytes are short printable ASCII/UTF-8, otherwise hex. */
  @Override
  public String toString() {
    if (length > 64) {
      return "BString[" + length + " bytes]";
    }
    String text = utf8();
    boolean printable = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
    return printable ? "\"" + text + "\"" : "0x" + HexFormat.of().formatHex(bytes());
  }
}
