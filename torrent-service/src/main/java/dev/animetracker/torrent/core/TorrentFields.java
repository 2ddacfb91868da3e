package dev.animetracker.torrent.core;

/** The limits of the fields an uploader writes, shared by upload and edit. */
public final class TorrentFields {

  /** Longest title, in code points (what a user counts as characters). */
  public static final int MAX_TITLE = 200;

  /** Longest description, in UTF-16 chars (the Markdown source). */
  public static final int MAX_DESCRIPTION = 50_000;

  private TorrentFields() {}

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
