package dev.animetracker.search.feed;

import dev.animetracker.search.query.CategoryView;
import dev.animetracker.search.query.SearchHit;
import dev.animetracker.search.query.TagView;
import java.time.Instant;
import java.util.List;

/** Hand-built search hits for renderer tests. */
final class Hits {

  static final CategoryView ANIME_ENG =
      new CategoryView(3, "anime-eng", "Аниме: английский перевод", "Anime: English-translated");
  static final CategoryView MUSIC = new CategoryView(5, "music-ost", "Музыка", "Music and OST");
  static final CategoryView MANGA = new CategoryView(6, "manga", "Манга", "Manga");
  static final CategoryView LIVE = new CategoryView(7, "live-action", "Кино", "Live action");
  static final CategoryView OTHER = new CategoryView(8, "other", "Другое", "Other");
  static final List<CategoryView> SEEDED = List.of(ANIME_ENG, MUSIC, MANGA, LIVE, OTHER);

  static final String V1 = "0123456789abcdef0123456789abcdef01234567";
  static final String V2 = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

  private Hits() {}

  static SearchHit hit(long id, String title) {
    return hit(id, title, ANIME_ENG, V1, null);
  }

  static SearchHit hit(
      long id, String title, CategoryView category, String infoHash, String infoHashV2) {
    return new SearchHit(
        id,
        title,
        "описание",
        category,
        List.of(new TagView("1080p", "1080p")),
        42,
        "uploader",
        infoHash,
        infoHashV2,
        1_288_490_189L,
        12,
        Instant.parse("2026-11-03T07:05:09Z"),
        17,
        4,
        120,
        345,
        6,
        null,
        false,
        false,
        false,
        null);
  }
}
