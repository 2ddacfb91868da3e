package dev.animetracker.common.bencode;

/**
 * Input that is not strict, canonical bencode. The decoder throws nothing else for bad input.
 * {@link #offset()} is the byte offset where the problem was found; {@link #getMessage()} reads
 * e.g. {@code "Invalid bencode at byte 3: integer has a leading zero"}.
 */
public class BencodeException extends RuntimeException {

  /** What kind of problem it is, so callers can map some of them to their own codes. */
  public enum Reason {
    /** The input ends inside a value (including the empty input). */
    TRUNCATED,
    /** A byte that cannot start or continue a value here. */
    MALFORMED,
    /** Valid-looking but not canonical: leading zeros, {@code -0}, unsorted or duplicate keys. */
    NON_CANONICAL,
    /** An integer outside {@code long} range. */
    OUT_OF_RANGE,
    /** Lists/dictionaries nested deeper than the decoder's limit. */
    NESTING_TOO_DEEP,
    /** More values (integers, strings, lists, dictionaries) than the decoder's budget. */
    TOO_MANY_VALUES,
    /** Bytes after the end of the top-level value. */
    TRAILING_DATA
  }

  private final Reason reason;
  private final long offset;
  private final String detail;

  public BencodeException(Reason reason, long offset, String detail) {
    super("Invalid bencode at byte " + offset + ": " + detail);
    this.reason = reason;
    this.offset = offset;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  public long offset() {
    return offset;
  }

  /** The message without the "Invalid bencode at byte N" prefix. */
  public String detail() {
    return detail;
  }
}
