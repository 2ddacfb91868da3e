package dev.animetracker.search.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reading feed query parameters the same way in both feeds. */
final class FeedRequests {

  private FeedRequests() {}

  /**
   * The parameter's value stripped (NUL characters removed: PostgreSQL refuses them); repeated
   * values joined by commas; null when absent or blank.
   */
  static @Nullable String text(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return null;
    }
    String joined =
        String.join(
            ",",
            Arrays.stream(values)
                .map(value -> value.replace("\u0000", "").strip())
                .filter(value -> !value.isEmpty())
                .toList());
    return joined.isEmpty() ? null : joined;
  }

  /**
   * A comma-separated list (repeated parameters count too), items stripped and lower-cased, blanks
   * dropped.
   */
  static List<String> list(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      for (String item : value.split(",")) {
        String clean = item.replace("\u0000", "").strip().toLowerCase(Locale.ROOT);
        if (!clean.isEmpty() && !items.contains(clean)) {
          items.add(clean);
        }
      }
    }
    return items;
  }

  /**
   * The address of this request under the public base URL, without {@code apikey}, so a shared copy
   * of a feed's self link never carries anyone's key.
   */
  static String selfUrl(FeedLinks links, HttpServletRequest request, String path) {
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      return links.site(path);
    }
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String name;
      try {
        name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = rawName;
      }
      if (!pair.isEmpty() && !"apikey".equalsIgnoreCase(name)) {
        kept.add(pair);
      }
    }
    return kept.isEmpty() ? links.site(path) : links.site(path) + "?" + String.join("&", kept);
  }

  /** The integer in {@code value}, or null when it is not one. */
  static @Nullable Long number(String value) {
    if (value.length() > 18) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
