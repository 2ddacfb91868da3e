package dev.animetracker.search.bookmark;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The plain-text start of a comment written in Markdown, for notifications. */
final class Excerpts {

  /** Longest excerpt, in characters (the event's contract). */
  static final int MAX_LENGTH = 300;

  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern MARKUP =
      Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>+|[-*+]|\\d+\\.)\\s+|[*_`~|]+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Excerpts() {}

  static String plain(@Nullable String markdown) {
    if (markdown == null) {
      return "";
    }
    String text = markdown.replace("\u0000", "");
    text = IMAGE.matcher(text).replaceAll("$1");
    text = LINK.matcher(text).replaceAll("$1");
    text = TAG.matcher(text).replaceAll(" ");
    text = MARKUP.matcher(text).replaceAll("");
    text = SPACE.matcher(text).replaceAll(" ").strip();
    if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
      return text;
    }
    int end = text.offsetByCodePoints(0, MAX_LENGTH - 1);
    return text.substring(0, end).stripTrailing() + "…";
  }
}
