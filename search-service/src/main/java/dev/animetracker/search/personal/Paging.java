package dev.animetracker.search.personal;

import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.api.InvalidSearchException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The paging of the personal lists ({@code page} 0-based, default 0; {@code size} 1–100, default
 * 20), with the 400 {@code validation-failed} of {@code /api/search} for bad values.
 *
 * @param page 0-based page number
 * @param size items per page
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Deepest offset served: nobody reads that far into a personal list. */
  public static final int MAX_OFFSET = 100_000;

  public static Paging of(@Nullable String page, @Nullable String size) {
    List<FieldProblem> errors = new ArrayList<>();
    int number = number("page", page, 0, 0, MAX_OFFSET, errors);
    int count = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
    if (errors.isEmpty() && (long) number * count > MAX_OFFSET) {
      errors.add(new FieldProblem("page", "Max", "page × size must be at most " + MAX_OFFSET));
    }
    if (!errors.isEmpty()) {
      throw new InvalidSearchException(errors);
    }
    return new Paging(number, count);
  }

  public int offset() {
    return page * size;
  }

  private static int number(
      String name,
      @Nullable String text,
      int fallback,
      int min,
      int max,
      List<FieldProblem> errors) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        errors.add(new FieldProblem(name, "Range", "must be from " + min + " to " + max));
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldProblem(name, "TypeMismatch", "must be a whole number"));
      return fallback;
    }
  }
}
