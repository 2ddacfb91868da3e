package dev.animetracker.torrent.web;

/**
 * {@code page} (0-based, default 0) and {@code size} (default 20, 1..100) of the moderation lists,
 * read from their raw query parameters so a non-number is a field error like a bad range.
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  static final int MAX_PAGE = 100_000;

  /** 400 {@code validation-failed} naming {@code page} and/or {@code size}. */
  public static Paging of(String page, String size) {
    Problems.Errors errors = new Problems.Errors();
    int p = parse(page, 0);
    if (p < 0 || p > MAX_PAGE) {
      errors.add("page", "Range", "page must be a number from 0 (the first page).");
    }
    int s = parse(size, DEFAULT_SIZE);
    if (s < 1 || s > MAX_SIZE) {
      errors.add("size", "Range", "size must be a number from 1 to " + MAX_SIZE + ".");
    }
    errors.throwIfAny();
    return new Paging(p, s);
  }

  private static int parse(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
