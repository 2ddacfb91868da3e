package dev.animetracker.gateway.ui.support;

import dev.animetracker.gateway.catalog.CatalogDtos.Release;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The release fields of the upload and edit forms, named as torrent-service's keys (multipart parts
 * on upload, members of PATCH's {@code release} object), and their text in a form.
 */
public final class ReleaseFields {

  /** The fields an uploader may correct, in the order the forms show them. */
  public static final List<String> FIELDS =
      List.of(
          "group",
          "season",
          "episodeFrom",
          "episodeTo",
          "resolution",
          "source",
          "videoCodec",
          "audioCodec",
          "subtitleLanguages",
          "audioLanguages",
          "version",
          "crc32");

  /** Nyaa's flags an uploader sets on a release (checkboxes). */
  public static final List<String> FLAGS = List.of("remake", "complete");

  private ReleaseFields() {}

  /**
   * Each field of a stored release as the forms write it ({@code ""} when unknown; languages
   * comma-separated), the form the service reads back unchanged.
   */
  public static Map<String, String> values(@Nullable Release release) {
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(field -> values.put(field, ""));
    if (release == null) {
      return values;
    }
    values.put("group", text(release.group()));
    values.put("season", text(release.season()));
    values.put("episodeFrom", text(release.episodeFrom()));
    values.put("episodeTo", text(release.episodeTo()));
    values.put("resolution", text(release.resolution()));
    values.put("source", text(release.source()));
    values.put("videoCodec", text(release.videoCodec()));
    values.put("audioCodec", text(release.audioCodec()));
    values.put("subtitleLanguages", String.join(", ", release.subtitleList()));
    values.put("audioLanguages", String.join(", ", release.audioList()));
    values.put("version", text(release.version()));
    values.put("crc32", text(release.crc32()));
    return values;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }
}
