package dev.animetracker.torrent.core;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The limits of the fields an uploader writes, shared by upload and edit. */
public final class TorrentFields {

  /** Longest title, in code points (what a user counts as characters). */
  public static final int MAX_TITLE = 200;

  /** Longest description, in UTF-16 chars (the Markdown source). */
  public static final int MAX_DESCRIPTION = 50_000;

  /**
   * Largest MediaInfo/NFO text, in UTF-8 bytes after cleaning: a full MediaInfo report of a
   * many-track file stays far below it, a pasted log does not.
   */
  public static final int MAX_MEDIA_INFO_BYTES = 64 * 1024;

  private TorrentFields() {}

  /**
   * A MediaInfo/NFO text as stored: line ends as {@code \n}, control characters other than line
   * feed and tab removed (terminal escapes and NULs of a pasted report would reach every reader's
   * page), trailing blank lines dropped; null when nothing is left.
   */
  public static @Nullable String cleanMediaInfo(@Nullable String text) {
    if (text == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(text.length());
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    normalised
        .codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .forEach(clean::appendCodePoint);
    String result = clean.toString().stripTrailing();
    return result.isBlank() ? null : result;
  }

  public static boolean mediaInfoTooLong(String cleaned) {
    return cleaned.getBytes(StandardCharsets.UTF_8).length > MAX_MEDIA_INFO_BYTES;
  }

  public static String mediaInfoTooLongMessage() {
    return "The MediaInfo text is longer than " + MAX_MEDIA_INFO_BYTES / 1024 + " KiB.";
  }

  public static boolean titleTooLong(String title) {
    return title.codePointCount(0, title.length()) > MAX_TITLE;
  }

  public static boolean descriptionTooLong(String description) {
    return description.length() > MAX_DESCRIPTION;
  }

  public static String titleTooLongMessage() {
    return "The title is longer than " + MAX_TITLE + " characters.";
  }

  public static String descriptionTooLongMessage() {
    return "The description is longer than " + MAX_DESCRIPTION + " characters.";
  }
}
