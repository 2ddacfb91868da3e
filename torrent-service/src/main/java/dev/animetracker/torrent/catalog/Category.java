package dev.animetracker.torrent.catalog;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.i18n.Language;

/** A catalogue category. */
public record Category(long id, String slug, String nameRu, String nameEn, String description) {

  public CategoryRef ref() {
    return new CategoryRef(id, slug, nameRu, nameEn);
  }

  public String name(Language language) {
    return language.pick(nameRu, nameEn);
  }
}
