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
}
