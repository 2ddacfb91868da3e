package dev.animetracker.notification.mail;

import org.jspecify.annotations.Nullable;

/** How event texts are fitted into mails and inbox entries. */
public final class MailTexts {

  private MailTexts() {}

  /**
   * The text on one line (it may go into a subject header), cut to {@code max} characters; {@code
   * fallback} when it is missing or blank.
   */
  public static String oneLine(@Nullable String text, int max, String fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return cut(text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip(), max);
  }

  /** The text stripped and cut to {@code max} characters; empty when missing. */
  public static String block(@Nullable String text, int max) {
    return text == null ? "" : cut(text.strip(), max);
  }

  /** At most {@code max} characters, never splitting a surrogate pair, with an ellipsis if cut. */
  public static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end) + "…";
  }
}
