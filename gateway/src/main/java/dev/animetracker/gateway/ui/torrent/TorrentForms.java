package dev.animetracker.gateway.ui.torrent;

import org.jspecify.annotations.Nullable;

/** The torrent page's forms, as posted. */
final class TorrentForms {

  private TorrentForms() {}

  record CommentForm(@Nullable String text) {}

  record TorrentEditForm(
      @Nullable String title,
      @Nullable String description,
      @Nullable String category,
      @Nullable String tags) {}
}
