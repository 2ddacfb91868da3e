package dev.animetracker.notification.inbox;

import dev.animetracker.common.web.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A validated page request: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE} (default
 * {@value #DEFAULT_SIZE}).
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** The deepest page: an offset beyond it is only a costly way to read nothing. */
  public static final int MAX_PAGE = 10_000;

  /**
   * The paging of request parameters as given (absent = default).
   *
   * @throws DomainException 400 {@code invalid-page} for anything but in-range integers
   */
  public static Paging of(@Nullable String page, @Nullable String size) {
    return new Paging(
        number(page, 0, 0, MAX_PAGE, "page"), number(size, DEFAULT_SIZE, 1, MAX_SIZE, "size"));
  }

  public long offset() {
    return (long) page * size;
  }

  private static int number(@Nullable String text, int fallback, int min, int max, String name) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      value = Integer.MIN_VALUE;
    }
    if (value < min || value > max) {
      throw new DomainException(
          HttpStatus.BAD_REQUEST,
          "invalid-page",
          name + " must be an integer from " + min + " to " + max + ".");
    }
    return value;
  }
}
