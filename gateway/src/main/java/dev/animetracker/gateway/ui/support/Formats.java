package dev.animetracker.gateway.ui.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Sizes and dates in the page language, for templates ({@code ${fmt.size(t.size)}}). */
public final class Formats {

  /**
   * Tables' dates. Rendered in UTC and saying so; {@code /js/local-time.js} rewrites every {@code
   * <time datetime>} into the viewer's time zone (same shape), so without JavaScript the label
   * keeps the time honest.
   */
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Locale locale;

  public Formats(Locale locale) {
    this.locale = locale;
  }

  public String size(long bytes) {
    return Sizes.human(bytes, locale);
  }

  public String exact(long bytes) {
    return Sizes.exact(bytes, locale);
  }

  /** A long localized date and time (UTC), e.g. {@code 5 марта 2025 г., 14:03}. */
  public String dateTime(@Nullable Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .format(instant.atZone(ZoneOffset.UTC))
        + " UTC";
  }

  /** A compact date for tables: {@code 2025-03-05 14:03 UTC}. */
  public String shortDate(@Nullable Instant instant) {
    return instant == null ? "" : SHORT.format(instant);
  }

  /** The machine-readable timestamp for {@code <time datetime>}. */
  public String iso(@Nullable Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
