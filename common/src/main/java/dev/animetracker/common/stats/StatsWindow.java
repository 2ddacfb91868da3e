package dev.animetracker.common.stats;

import dev.animetracker.common.web.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The days a moderator stats endpoint covers: the last {@code days} UTC days, today included. Every
 * service's {@code ?days=} is read here so they refuse the same values with the same problem.
 *
 * @param days how many days (1..{@link #MAX_DAYS})
 * @param first the oldest day (UTC)
 * @param last today (UTC)
 */
public record StatsWindow(int days, LocalDate first, LocalDate last) {

  public static final int DEFAULT_DAYS = 30;

  public static final int MAX_DAYS = 90;

  /**
   * Reads {@code ?days=}: absent or blank means {@link #DEFAULT_DAYS}; anything but a whole number
   * from 1 to {@link #MAX_DAYS} is a 400 {@code invalid-days} problem.
   */
  public static StatsWindow of(@Nullable String raw, Clock clock) {
    int days = parse(raw);
    if (days < 1 || days > MAX_DAYS) {
      throw new DomainException(
          HttpStatus.BAD_REQUEST,
          "invalid-days",
          "days must be a whole number from 1 to " + MAX_DAYS + ".",
          Map.of("max", MAX_DAYS));
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new StatsWindow(days, today.minusDays(days - 1L), today);
  }

  private static int parse(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_DAYS;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The window's start as a timestamp, for {@code created_at >= :since} queries. */
  public OffsetDateTime since() {
    return first.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /** Every day of the window, oldest first. */
  public List<LocalDate> dates() {
    List<LocalDate> dates = new ArrayList<>(days);
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      dates.add(day);
    }
    return dates;
  }

  /**
   * One row per day of the window, oldest first, days without rows included: {@code row} receives
   * the day and makes the row from whatever the query found for it.
   */
  public <T> List<T> perDay(Function<LocalDate, T> row) {
    return dates().stream().map(row).toList();
  }
}
