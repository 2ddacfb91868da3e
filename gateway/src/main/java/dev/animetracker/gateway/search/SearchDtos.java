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
      @Nullable Boolean remake,
      @Nullable SeriesRef series) {

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

  /** The series a torrent belongs to. */
  public record SeriesRef(String slug, String title) {}

  /**
   * How many matches have each value of a release field (search-service counts them for the first
   * page only, over at most its candidate limit).
   */
  public record Facets(
      @Nullable List<Count> group,
      @Nullable List<Count> resolution,
      @Nullable List<Count> source,
      @Nullable List<Count> subs,
      @Nullable List<Count> batch,
      @Nullable List<SeriesCount> series) {

    /** One value and its count. */
    public record Count(String value, long count) {}

    /** One series (its slug is the filter's value, its title the label) and its count. */
    public record SeriesCount(String slug, String title, long count) {}

    /** The series counts, never {@code null}. */
    public List<SeriesCount> seriesList() {
      return series == null ? List.of() : series;
    }

    /** One field's counts, named as its {@code /api/search} parameter. */
    public record Facet(String name, List<Count> counts) {}

    /** The fields that have any counts, in the order the page shows them. */
    public List<Facet> named() {
      List<Facet> named = new java.util.ArrayList<>();
      add(named, "group", group);
      add(named, "resolution", resolution);
      add(named, "source", source);
      add(named, "subs", subs);
      add(named, "batch", batch);
      return named;
    }

    private static void add(List<Facet> named, String name, @Nullable List<Count> counts) {
      if (counts != null && !counts.isEmpty()) {
        named.add(new Facet(name, counts));
      }
    }
  }

  /** A page of hits ({@code page} is 0-based); {@code facets} only on the first page. */
  public record SearchPage(
      @Nullable List<Hit> items, int page, int size, long total, @Nullable Facets facets) {

    /** The items, never {@code null}. */
    public List<Hit> itemList() {
      return items == null ? List.of() : items;
    }
  }
}
