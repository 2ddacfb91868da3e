package dev.animetracker.torrent.comment;

import java.time.Instant;

/** A comment as the API shows it. */
public record CommentView(
    long id,
    long torrentId,
    Author author,
    String text,
    String textHtml,
    Instant createdAt,
    Instant updatedAt,
    boolean edited) {

  public record Author(long id, String username) {}
}
