package dev.animetracker.common.bencode;

/** A bencoded integer ({@code i42e}), always within {@code long} range. */
public record BInteger(long value) implements BValue {

  public static BInteger of(long value) {
    return new BInteger(value);
  }
}
