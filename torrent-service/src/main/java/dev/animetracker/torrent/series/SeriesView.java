package dev.animetracker.torrent.series;

import dev.animetracker.torrent.listing.TorrentView;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The series object of {@code GET /api/series/{slug}} and of the writes: the series, links to the
 * anime databases whose ids users entered, and its releases grouped by episode and group.
 *
 * @param canEdit whether the caller may {@code PATCH} it (a moderator, its creator, or an uploader
 *     of one of its torrents)
 */
record SeriesView(
    String slug,
    String title,
    Series.Titles titles,
    List<String> synonyms,
    @Nullable Integer anilistId,
    @Nullable Integer malId,
    @Nullable Integer anidbId,
    Links links,
    long releaseCount,
    boolean canEdit,
    long version,
    Instant createdAt,
    Instant updatedAt,
    List<Episode> episodes) {

  /** Addresses of the series in the anime databases; null where no id was entered. */
  record Links(@Nullable String anilist, @Nullable String myanimelist, @Nullable String anidb) {

    static Links of(Series series) {
      return new Links(
          link("https://anilist.co/anime/", series.anilistId()),
          link("https://myanimelist.net/anime/", series.malId()),
          link("https://anidb.net/anime/", series.anidbId()));
    }

    private static @Nullable String link(String base, @Nullable Integer id) {
      return id == null ? null : base + id;
    }
  }

  /**
   * One episode (or batch) of the series and the groups that released it.
   *
   * @param label {@code "05"}, {@code "01–12"}, {@code "batch"} (a batch of unknown range) or
   *     {@code "other"} (no episode known)
   * @param season the season the releases name (null = not stated, the first)
   */
  record Episode(
      String label,
      @Nullable Integer season,
      @Nullable Integer episodeFrom,
      @Nullable Integer episodeTo,
      boolean batch,
      List<Group> groups) {}

  /** The releases of one group (null = no group stated) for one episode, best seeded first. */
  record Group(@Nullable String group, List<TorrentView> torrents) {}

  /** A series of the {@code GET /api/series} list. */
  record Summary(
      String slug,
      String title,
      Series.Titles titles,
      List<String> synonyms,
      long releaseCount,
      Instant updatedAt) {}

  /** A page of the list. */
  record Page(List<Summary> items, int page, int size, long total) {}

  /** A series of the internal listing, as {@code series.updated} carries it. */
  record Internal(
      String slug, String title, List<String> alternativeTitles, long version, Instant updatedAt) {}

  /**
   * A page of the internal listing.
   *
   * @param nextAfter the {@code after} of the next page, or null after the last one
   */
  record InternalPage(List<Internal> items, @Nullable String nextAfter) {}
}
