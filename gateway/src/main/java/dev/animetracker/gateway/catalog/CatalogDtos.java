package dev.animetracker.gateway.catalog;

import java.time.Instant;
import java.util.List;
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
      long torrentCount) {

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
}
