package dev.animetracker.gateway.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The torrent-service bodies the web UI reads. Missing members stay {@code null} or zero. */
public final class CatalogDtos {

  private CatalogDtos() {}

  /** A category as embedded in a torrent. */
  public record CategoryRef(String slug, String name) {}

  /** A tag. */
  public record Tag(String slug, String name, long count) {}

  /** A user as embedded in a torrent or comment. */
  public record UserRef(long id, String username) {}

  /** One file of a torrent; the path is joined with {@code /}. */
  public record TorrentFile(String path, long size) {}

  /**
   * What the release name says (null members are unknown); languages are ISO 639-1 codes or {@code
   * multi}.
   */
  public record Release(
      @Nullable String group,
      @Nullable String title,
      @Nullable Integer season,
      @Nullable Integer episodeFrom,
      @Nullable Integer episodeTo,
      boolean batch,
      @Nullable Integer version,
      @Nullable String resolution,
      @Nullable String source,
      @Nullable String videoCodec,
      @Nullable String audioCodec,
      @Nullable String crc32,
      @Nullable List<String> subtitleLanguages,
      @Nullable List<String> audioLanguages) {

    /** The subtitle languages, never {@code null}. */
    public List<String> subtitleList() {
      return subtitleLanguages == null ? List.of() : subtitleLanguages;
    }

    /** The audio languages, never {@code null}. */
    public List<String> audioList() {
      return audioLanguages == null ? List.of() : audioLanguages;
    }
  }

  /** The series a release belongs to. */
  public record SeriesRef(String slug, @Nullable String title) {}

  /**
   * A torrent (the listing leaves {@code files} and {@code mediaInfo} out; {@code release} and
   * {@code series} are null when unknown).
   */
  public record Torrent(
      long id,
      String title,
      @Nullable String description,
      @Nullable String descriptionHtml,
      @Nullable CategoryRef category,
      @Nullable List<Tag> tags,
      @Nullable UserRef uploader,
      @Nullable String infoHash,
      @Nullable String infoHashV2,
      long size,
      long fileCount,
      @Nullable List<TorrentFile> files,
      @Nullable Instant createdAt,
      @Nullable Instant updatedAt,
      long seeders,
      long leechers,
      long completed,
      long downloads,
      long commentCount,
      @Nullable String magnetUri,
      @Nullable String kind,
      @Nullable String createdBy,
      @Nullable Release release,
      boolean trusted,
      boolean remake,
      boolean complete,
      @Nullable SeriesRef series,
      @Nullable String mediaInfo) {

    /** The tags, never {@code null}. */
    public List<Tag> tagList() {
      return tags == null ? List.of() : tags;
    }

    /** The files, never {@code null}. */
    public List<TorrentFile> fileList() {
      return files == null ? List.of() : files;
    }

    /** The tags as the comma-separated slugs the edit form takes. */
    public String tagsText() {
      return String.join(", ", tagList().stream().map(Tag::slug).toList());
    }
  }

  /** A page of torrents. */
  public record TorrentPage(@Nullable List<Torrent> items, int page, int size, long total) {

    /** The items, never {@code null}. */
    public List<Torrent> itemList() {
      return items == null ? List.of() : items;
    }
  }

  /** A category as listed by GET /api/categories. */
  public record Category(
      long id,
      String slug,
      @Nullable String name,
      @Nullable String nameRu,
      @Nullable String nameEn,
      long torrentCount,
      @Nullable Integer position) {

    /** The name in the page language ({@code ru} or {@code en}). */
    public String label(String lang) {
      String localized = "en".equals(lang) ? nameEn : nameRu;
      if (localized != null && !localized.isBlank()) {
        return localized;
      }
      return name != null && !name.isBlank() ? name : slug;
    }
  }

  /** A comment. */
  public record Comment(
      long id,
      long torrentId,
      @Nullable UserRef author,
      @Nullable String text,
      @Nullable String textHtml,
      @Nullable Instant createdAt,
      @Nullable Instant updatedAt,
      boolean edited) {}

  /** The 201 answer of an upload (only the id matters). */
  public record Created(long id) {}

  /** A series' titles by language; each may be null. */
  public record SeriesTitles(
      @Nullable String romaji,
      @Nullable String english,
      @Nullable String russian,
      @Nullable String japanese) {

    /** The titles that are set, by language ({@code romaji, english, russian, japanese}). */
    public List<Map.Entry<String, String>> entries() {
      List<Map.Entry<String, String>> entries = new ArrayList<>();
      add(entries, "romaji", romaji);
      add(entries, "english", english);
      add(entries, "russian", russian);
      add(entries, "japanese", japanese);
      return entries;
    }

    /** The titles that are set and differ from {@code main}, in language order. */
    public List<String> otherThan(String main) {
      return entries().stream().map(Map.Entry::getValue).filter(t -> !t.equals(main)).toList();
    }

    private static void add(
        List<Map.Entry<String, String>> entries, String language, @Nullable String title) {
      if (title != null && !title.isBlank()) {
        entries.add(Map.entry(language, title));
      }
    }
  }

  /** Addresses of a series in the anime databases (null where no id was entered). */
  public record SeriesLinks(
      @Nullable String anilist, @Nullable String myanimelist, @Nullable String anidb) {}

  /** A release of a series page: a torrent as the torrent-service listing shows it. */
  public record SeriesTorrent(
      long id,
      String title,
      @Nullable CategoryRef category,
      long size,
      @Nullable Instant createdAt,
      long seeders,
      long leechers,
      long completed,
      long downloads,
      long commentCount,
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
  }

  /** The releases of one group (null = none stated) for one episode, best seeded first. */
  public record SeriesGroup(@Nullable String group, @Nullable List<SeriesTorrent> torrents) {

    /** The torrents, never {@code null}. */
    public List<SeriesTorrent> torrentList() {
      return torrents == null ? List.of() : torrents;
    }
  }

  /**
   * One episode of a series: {@code label} is {@code 05}, {@code 01–12}, {@code batch} or {@code
   * other}.
   */
  public record SeriesEpisode(
      String label,
      @Nullable Integer episodeFrom,
      @Nullable Integer episodeTo,
      boolean batch,
      @Nullable List<SeriesGroup> groups) {

    /** The groups, never {@code null}. */
    public List<SeriesGroup> groupList() {
      return groups == null ? List.of() : groups;
    }
  }

  /** {@code GET /api/series/{slug}}: the series and its releases by episode and group. */
  public record Series(
      String slug,
      String title,
      @Nullable SeriesTitles titles,
      @Nullable List<String> synonyms,
      @Nullable Integer anilistId,
      @Nullable Integer malId,
      @Nullable Integer anidbId,
      @Nullable SeriesLinks links,
      long releaseCount,
      boolean canEdit,
      @Nullable Instant updatedAt,
      @Nullable List<SeriesEpisode> episodes) {

    /** The language titles, never {@code null}. */
    public SeriesTitles titleSet() {
      return titles == null ? new SeriesTitles(null, null, null, null) : titles;
    }

    /** The synonyms, never {@code null}. */
    public List<String> synonymList() {
      return synonyms == null ? List.of() : synonyms;
    }

    /** The links, never {@code null}. */
    public SeriesLinks linkSet() {
      return links == null ? new SeriesLinks(null, null, null) : links;
    }

    /** The episodes, never {@code null}. */
    public List<SeriesEpisode> episodeList() {
      return episodes == null ? List.of() : episodes;
    }
  }

  /** A series of the {@code GET /api/series} list. */
  public record SeriesSummary(
      String slug,
      String title,
      @Nullable SeriesTitles titles,
      @Nullable List<String> synonyms,
      long releaseCount,
      @Nullable Instant updatedAt) {

    /** The language titles, never {@code null}. */
    public SeriesTitles titleSet() {
      return titles == null ? new SeriesTitles(null, null, null, null) : titles;
    }
  }

  /** A page of series. */
  public record SeriesPage(@Nullable List<SeriesSummary> items, int page, int size, long total) {

    /** The items, never {@code null}. */
    public List<SeriesSummary> itemList() {
      return items == null ? List.of() : items;
    }
  }
}
