package dev.animetracker.torrent.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.animetracker.common.release.ParsedRelease;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The torrent object of the contract plus extensions ({@code descriptionHtml}, {@code
 * commentCount}, {@code kind}, {@code private}, {@code createdBy}, {@code updatedAt}, {@code
 * version}). Listings leave {@code files} and {@code mediaInfo} out (the latter is also absent when
 * the uploader gave none). {@code release} is null when nothing about the release is known; {@code
 * series} is null for a torrent of no series.
 */
public record TorrentView(
    long id,
    String title,
    String description,
    String descriptionHtml,
    CategoryView category,
    List<TagView> tags,
    UploaderView uploader,
    String infoHash,
    String infoHashV2,
    long size,
    int fileCount,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<FileView> files,
    Instant createdAt,
    Instant updatedAt,
    int seeders,
    int leechers,
    long completed,
    long downloads,
    int commentCount,
    String magnetUri,
    String kind,
    @JsonProperty("private") boolean privateTorrent,
    String createdBy,
    long version,
    @Nullable ParsedRelease release,
    boolean trusted,
    boolean remake,
    boolean complete,
    @Nullable SeriesView series,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String mediaInfo) {

  public record CategoryView(String slug, String name, String nameRu, String nameEn) {}

  public record TagView(String slug, String name) {}

  public record UploaderView(long id, String username) {}

  public record FileView(String path, long size) {}

  /** The series a release belongs to ({@code /api/series/{slug}}). */
  public record SeriesView(String slug, String title) {}
}
