package dev.animetracker.gateway.search;

import dev.animetracker.gateway.catalog.CatalogDtos.CategoryRef;
import dev.animetracker.gateway.catalog.CatalogDtos.Tag;
import dev.animetracker.gateway.catalog.CatalogDtos.UserRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The search-service bodies the web UI reads. Missing members stay {@code null} or zero. */
public final class SearchDtos {

  private SearchDtos() {}

  /**
   * One torrent of a result; {@code comments} is the number of comments, {@code trusted} and {@code
   * remake} Nyaa's flags (absent from a search-service that predates them).
   */
  public record Hit(
      long id,
      String title,
      @Nullable CategoryRef category,
      @Nullable List<Tag> tags,
      @Nullable UserRef uploader,
      @Nullable String infoHash,
      @Nullable String infoHashV2,
      long size,
      long fileCount,
      @Nullable Instant createdAt,
      long seeders,
      long leechers,
      long completed,
      long downloads,
      long comments,
      @Nullable String magnetUri,
      @Nullable Boolean trusted,
      @Nullable Boolean remake) {

    /** Uploaded by an account moderators trust: a green row, as on Nyaa. */
    public boolean isTrusted() {
      return Boolean.TRUE.equals(trusted);
    }

    /** A remake of another release: a red row, as on Nyaa. */
    public boolean isRemake() {
      return Boolean.TRUE.equals(remake);
    }

    /** The tags, never {@code null}. */
    public List<Tag> tagList() {
      return tags == null ? List.of() : tags;
    }
  }

  /** A page of hits ({@code page} is 0-based). */
  public record SearchPage(@Nullable List<Hit> items, int page, int size, long total) {

    /** The items, never {@code null}. */
    public List<Hit> itemList() {
      return items == null ? List.of() : items;
    }
  }
}
