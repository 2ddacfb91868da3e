package dev.animetracker.gateway.ui.torrent;

import org.jspecify.annotations.Nullable;

/** The torrent page's forms, as posted. */
final class TorrentForms {

  private TorrentForms() {}

  record CommentForm(@Nullable String text) {}

  /** A report of the torrent or of one comment. */
  record ReportForm(@Nullable String reason, @Nullable String text) {}
}
