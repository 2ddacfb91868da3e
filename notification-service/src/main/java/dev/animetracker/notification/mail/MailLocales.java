package dev.animetracker.notification.mail;

import java.util.Locale;

/** The languages mail is written in: Russian (the default) and English. */
public final class MailLocales {

  public static final Locale RUSSIAN = Locale.of("ru");
  public static final Locale ENGLISH = Locale.ENGLISH;

  private MailLocales() {}

  /**
   * The supported locale for a language tag from an event ({@code en}, {@code en-GB}, {@code ru},
   * ...); Russian when the tag is missing or names a language we do not write.
   */
  public static Locale resolve(String tag) {
    if (tag == null || tag.isBlank()) {
      return RUSSIAN;
    }
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    return ENGLISH.getLanguage().equals(language) ? ENGLISH : RUSSIAN;
  }
}
