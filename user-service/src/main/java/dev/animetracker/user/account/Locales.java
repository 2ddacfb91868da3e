package dev.animetracker.user.account;

import java.util.List;
import java.util.Locale;

/** The interface languages: Russian (default) and English. */
final class Locales {

  public static final String DEFAULT = "ru";
  public static final List<String> SUPPORTED = List.of("ru", "en");

  private Locales() {}

  /**
   * The explicit choice if given, else the first supported language of the {@code Accept-Language}
   * header (by weight), else Russian.
   */
  public static String resolve(String explicit, String acceptLanguage) {
    if (explicit != null && SUPPORTED.contains(explicit)) {
      return explicit;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          if (range.getWeight() <= 0) {
            continue;
          }
          String language = range.getRange().toLowerCase(Locale.ROOT);
          int dash = language.indexOf('-');
          String primary = dash < 0 ? language : language.substring(0, dash);
          if (SUPPORTED.contains(primary)) {
            return primary;
          }
        }
      } catch (IllegalArgumentException ignored) {
        // A malformed header is treated like a missing one.
      }
    }
    return DEFAULT;
  }
}
