package dev.animetracker.torrent.core;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.torrent.catalog.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** A torrent row joined with its category, as {@link TorrentRepository} reads it. */
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
    Instant deletedAt) {

  static final String COLUMNS =
      """
      t.id, t.info_hash, t.info_hash_v1, t.info_hash_v2, t.kind, t.title, t.description,
      t.description_html,
      t.category_id, c.slug as category_slug, c.name_ru as category_name_ru,
      c.name_en as category_name_en, t.uploader_id, t.uploader_username, t.size, t.file_count,
      t.files, t.private, t.created_by, t.trackers, t.seeders, t.leechers,
      t.completed, t.downloads, t.comment_count, t.version, t.created_at, t.updated_at,
      t.deleted_at
      """;

  static final String FROM = " from torrent t join category c on c.id = t.category_id ";

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
        instant(rs, "deleted_at"));
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
        null,
        false,
        false,
        false);
  }

  /** A nullable timestamp column as an instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    java.sql.Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
