package dev.animetracker.gateway.ui.support;

import org.jspecify.annotations.Nullable;

/** How every page reads its posted form fields (absent fields are empty). */
public final class Forms {

  private Forms() {}

  public static String trimmed(@Nullable String value) {
    return value == null ? "" : value.trim();
  }

  public static String raw(@Nullable String value) {
    return value == null ? "" : value;
  }

  /**
   * Where a form may send the browser back to: a path of this site ({@code /torrents/5}), else
   * {@code fallback}. A posted {@code back} is attacker-controlled, so absolute and
   * protocol-relative URLs ({@code //evil}, {@code /\\evil}) are refused: no open redirect.
   */
  public static String localPath(@Nullable String back, String fallback) {
    if (back == null
        || back.length() > 2000
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.contains("\\")
        || back.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return fallback;
    }
    return back;
  }
}
