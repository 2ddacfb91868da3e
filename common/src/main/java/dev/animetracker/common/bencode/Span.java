package dev.animetracker.common.bencode;

import java.util.Arrays;

/** A byte range {@code [start, end)} of the decoder's input holding one encoded value. */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  /** A copy of these bytes of {@code source} (the array that was decoded). */
  public byte[] slice(byte[] source) {
    if (end > source.length) {
      throw new IllegalArgumentException("span ends past the source (" + source.length + ")");
    }
    return Arrays.copyOfRange(source, start, end);
  }
}
