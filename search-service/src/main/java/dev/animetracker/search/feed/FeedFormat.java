package dev.animetracker.search.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Value formats shared by the feeds. */
final class FeedFormat {

  /**
   * RFC 822 (as updated by RFC 1123) with a two-digit day and a numeric zone, the form RSS readers,
   * Sonarr and Prowlarr all parse: {@code Tue, 24 Nov 2026 10:00:00 +0000}.
   */
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private FeedFormat() {}

  static String rfc822(Instant instant) {
    return RFC_822.format(instant);
  }

  /**
   * A size as Nyaa writes it (Jinja's {@code filesizeformat(binary=True)}): {@code 1 Byte}, {@code
   * 512 Bytes}, {@code 1.5 KiB}, {@code 1.2 GiB}.
   */
  static String binarySize(long bytes) {
    if (bytes == 1) {
      return "1 Byte";
    }
    if (bytes < 1024) {
      return bytes + " Bytes";
    }
    for (int i = 0; i < BINARY_UNITS.length; i++) {
      double unit = Math.pow(1024, i + 2);
      if (bytes < unit || i == BINARY_UNITS.length - 1) {
        return String.format(Locale.ROOT, "%.1f %s", 1024 * (double) bytes / unit, BINARY_UNITS[i]);
      }
    }
    throw new AssertionError("unreachable");
  }

  /** Text safe inside HTML (element content and double-quoted attributes). */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
