package dev.animetracker.common.i18n;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The display language of an API request, chosen the same way by every service that answers in two
 * languages: Russian by default, English when the client prefers it.
 */
public enum Language {
  RU,
  EN;

  private static final List<String> SUPPORTED = List.of("ru", "en");

  /** Picks from an {@code Accept-Language} header (null, blank or malformed: Russian). */
  public static Language fromAcceptLanguage(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return RU;
    }
    try {
      String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), SUPPORTED);
      return "en".equals(tag) ? EN : RU;
    } catch (IllegalArgumentException e) {
      return RU;
    }
  }

  /** The text in this language. */
  public String pick(String russian, String english) {
    return this == EN ? english : russian;
  }
}
