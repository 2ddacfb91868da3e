package dev.animetracker.torrent.core;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.catalog.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A torrent row joined with its category and series, as {@link TorrentRepository} reads it. {@code
 * release} is null only for a row written before release fields existed and not yet backfilled; the
 * series columns are null for a torrent of no series.
 */
public record TorrentRow(
    long id,
    String infoHash,
    String infoHashV1,
    String infoHashV2,
    String kind,
    String title,
    String description,
    String descriptionHtml,
    long categoryId,
    String categorySlug,
    String categoryNameRu,
    String categoryNameEn,
    long uploaderId,
    String uploaderUsername,
    long size,
    int fileCount,
    String files,
    boolean privateTorrent,
    String createdBy,
    String trackers,
    int seeders,
    int leechers,
    long completed,
    long downloads,
    int commentCount,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Instant deletedAt,
    @Nullable ParsedRelease release,
    boolean trusted,
    boolean remake,
    boolean complete,
    @Nullable Long seriesId,
    @Nullable String seriesSlug,
    @Nullable String seriesTitle) {

  /**
   * Reads and writes the {@code release} column. Plain defaults on purpose: the column holds a
   * common record whose JSON form is also the events' ({@link TorrentSnapshot#release()}).
   */
  static final JsonMapper RELEASE_JSON = JsonMapper.builder().build();

  static final String COLUMNS =
      """
      t.id, t.info_hash, t.info_hash_v1, t.info_hash_v2, t.kind, t.title, t.description,
      t.description_html,
      t.category_id, c.slug as category_slug, c.name_ru as category_name_ru,
      c.name_en as category_name_en, t.uploader_id, t.uploader_username, t.size, t.file_count,
      t.files, t.private, t.created_by, t.trackers, t.seeders, t.leechers,
      t.completed, t.downloads, t.comment_count, t.version, t.created_at, t.updated_at,
      t.deleted_at, t.release, t.trusted, t.remake, t.complete, t.series_id,
      s.slug as series_slug, s.title as series_title
      """;

  /** The joins {@link #COLUMNS} reads from, after the {@code torrent t} of the query. */
  static final String JOINS =
      " join category c on c.id = t.category_id left join series s on s.id = t.series_id ";

  static final String FROM = " from torrent t" + JOINS;

  static final RowMapper<TorrentRow> MAPPER = TorrentRow::map;

  private static TorrentRow map(ResultSet rs, int row) throws SQLException {
    return new TorrentRow(
        rs.getLong("id"),
        rs.getString("info_hash"),
        rs.getString("info_hash_v1"),
        rs.getString("info_hash_v2"),
        rs.getString("kind"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("description_html"),
        rs.getLong("category_id"),
        rs.getString("category_slug"),
        rs.getString("category_name_ru"),
        rs.getString("category_name_en"),
        rs.getLong("uploader_id"),
        rs.getString("uploader_username"),
        rs.getLong("size"),
        rs.getInt("file_count"),
        rs.getString("files"),
        rs.getBoolean("private"),
        rs.getString("created_by"),
        rs.getString("trackers"),
        rs.getInt("seeders"),
        rs.getInt("leechers"),
        rs.getLong("completed"),
        rs.getLong("downloads"),
        rs.getInt("comment_count"),
        rs.getLong("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "deleted_at"),
        release(rs.getString("release")),
        rs.getBoolean("trusted"),
        rs.getBoolean("remake"),
        rs.getBoolean("complete"),
        rs.getObject("series_id", Long.class),
        rs.getString("series_slug"),
        rs.getString("series_title"));
  }

  private static @Nullable ParsedRelease release(@Nullable String json) {
    return json == null ? null : RELEASE_JSON.readValue(json, ParsedRelease.class);
  }

  /**
   * The release of a {@code release} column value as the API and events show it ({@link
   * #knownRelease()}).
   */
  public static @Nullable ParsedRelease knownRelease(@Nullable String json) {
    return known(release(json));
  }

  /** The column value of a release. */
  static String releaseJson(ParsedRelease release) {
    return RELEASE_JSON.writeValueAsString(release);
  }

  /**
   * The release as the API and the events show it: null when nothing is known (never parsed, or a
   * name that states none of the fields).
   */
  public @Nullable ParsedRelease knownRelease() {
    return known(release);
  }

  private static @Nullable ParsedRelease known(@Nullable ParsedRelease release) {
    if (release == null) {
      return null;
    }
    boolean nothing =
        release.group() == null
            && release.title() == null
            && release.alternativeTitles().isEmpty()
            && release.season() == null
            && release.episodeFrom() == null
            && release.episodeTo() == null
            && !release.batch()
            && release.version() == null
            && release.resolution() == null
            && release.source() == null
            && release.videoCodec() == null
            && release.audioCodec() == null
            && release.crc32() == null
            && release.subtitleLanguages().isEmpty()
            && release.audioLanguages().isEmpty();
    return nothing ? null : release;
  }

  /** The {@code torrent.created}/{@code torrent.updated} snapshot of this row with its tags. */
  public TorrentSnapshot snapshot(List<Tag> tags) {
    return new TorrentSnapshot(
        id,
        infoHash,
        infoHashV2,
        title,
        description,
        new CategoryRef(categoryId, categorySlug, categoryNameRu, categoryNameEn),
        tags.stream().map(Tag::ref).toList(),
        size,
        fileCount,
        uploaderId,
        uploaderUsername,
        createdAt,
        updatedAt,
        version,
        knownRelease(),
        trusted,
        remake,
        complete,
        series());
  }

  /** The series this torrent belongs to, as snapshots and the API show it; null for none. */
  public @Nullable SeriesRef series() {
    return seriesSlug == null ? null : new SeriesRef(seriesSlug, seriesTitle);
  }

  /** A nullable timestamp column as an instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    java.sql.Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
