package dev.animetracker.search.api;

import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.search.query.Facets;
import dev.animetracker.search.query.SearchHit;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code GET /api/search}: a page of torrents ({@code page} is 0-based).
 *
 * @param facets release-field counts over the matches, on the first page only (null on others)
 * @param total matching torrents, exact up to {@code animetracker.search.count-cap} (larger results
 *     report the cap)
 */
public record SearchPage(
    List<Item> items, int page, int size, long total, @Nullable Facets facets) {

  /** One torrent of the page. */
  public record Item(
      long id,
      String title,
      Category category,
      List<Tag> tags,
      Uploader uploader,
      String infoHash,
      @Nullable String infoHashV2,
      long size,
      int fileCount,
      Instant createdAt,
      int seeders,
      int leechers,
      long completed,
      long downloads,
      int comments,
      String magnetUri,
      @Nullable ParsedRelease release,
      boolean trusted,
      boolean remake,
      boolean complete,
      @Nullable SeriesRef series) {

    public static Item of(SearchHit hit, Language language, MagnetLinks magnets) {
      return new Item(
          hit.id(),
          hit.title(),
          new Category(
              hit.category().slug(),
              language.pick(hit.category().nameRu(), hit.category().nameEn())),
          hit.tags().stream().map(tag -> new Tag(tag.slug(), tag.name())).toList(),
          new Uploader(hit.uploaderId(), hit.uploaderUsername()),
          hit.infoHash(),
          hit.infoHashV2(),
          hit.size(),
          hit.fileCount(),
          hit.createdAt(),
          hit.seeders(),
          hit.leechers(),
          hit.completed(),
          hit.downloads(),
          hit.comments(),
          magnets.magnet(hit),
          hit.release(),
          hit.trusted(),
          hit.remake(),
          hit.complete(),
          hit.series());
    }
  }

  /** A category with its name in the request's language. */
  public record Category(String slug, String name) {}

  /** A tag. */
  public record Tag(String slug, String name) {}

  /** Who uploaded the torrent. */
  public record Uploader(long id, String username) {}
}
