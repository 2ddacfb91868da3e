package dev.animetracker.torrent.catalog;

import dev.animetracker.common.event.torrent.TagRef;

/** A tag: normalised slug and the display name it was first used with. */
public record Tag(long id, String slug, String name) {

  public TagRef ref() {
    return new TagRef(slug, name);
  }
}
