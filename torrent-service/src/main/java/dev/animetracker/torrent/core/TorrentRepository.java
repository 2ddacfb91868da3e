package dev.animetracker.torrent.core;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.metainfo.Metainfo;
import dev.animetracker.torrent.web.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the {@code torrent} and {@code torrent_tag} tables for the upload, listing, moderation
 * and download features. Transactions are the callers' (their services).
 */
@Repository
public class TorrentRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  TorrentRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A torrent already holding one of the hashes of an upload. */
  public record Existing(long id, boolean deleted) {}

  /** The oldest torrent (live or removed) with this tracker key, v1 or v2 hash. */
  public Optional<Existing> existing(String trackerKey, String v1, String v2) {
    return jdbc.sql(
            """
            select id, deleted_at is not null as deleted from torrent
            where info_hash = :key or info_hash_v1 = :v1 or info_hash_v2 = :v2
            order by id limit 1
            """)
        .param("key", trackerKey)
        .param("v1", v1)
        .param("v2", v2)
        .query((rs, n) -> new Existing(rs.getLong("id"), rs.getBoolean("deleted")))
        .optional();
  }

  /**
   * Inserts a new torrent and returns the row it wrote (joined with its category and series) in the
   * same statement. The unique indexes on the hashes throw {@code DuplicateKeyException} for a race
   * loser. The series is decided at upload ({@code seriesId} null = none), so the row is marked
   * matched either way.
   */
  public TorrentRow insert(
      Metainfo meta,
      String title,
      String description,
      String descriptionHtml,
      Category category,
      Caller uploader,
      ReleaseState release,
      @Nullable Long seriesId,
      Instant now) {
    List<Map<String, Object>> files = new ArrayList<>();
    meta.files()
        .forEach(
            file -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("path", file.fullPath());
              entry.put("size", file.size());
              files.add(entry);
            });
    List<List<String>> trackers = new ArrayList<>(meta.announceList());
    if (trackers.isEmpty() && meta.announce() != null) {
      trackers.add(List.of(meta.announce()));
    }
    return jdbc.sql(
            """
            with t as (
              insert into torrent (info_hash, info_hash_v1, info_hash_v2, kind, title,
                  description, description_html, category_id, uploader_id, uploader_username, size, file_count,
                  files, piece_length, private, created_by, trackers,
                  release, trusted, remake, complete, series_id, series_matched, created_at,
                  updated_at)
              values (:infoHash, :v1, :v2, :kind, :title, :description, :descriptionHtml,
                  :categoryId,
                  :uploaderId, :uploaderUsername, :size, :fileCount, :files, :pieceLength,
                  :private, :createdBy, :trackers, cast(:release as jsonb), :trusted, :remake,
                  :complete, :seriesId, true, :now, :now)
              returning *)
            select
            """
                + TorrentRow.COLUMNS
                + " from t"
                + TorrentRow.JOINS)
        .param("infoHash", meta.trackerKey())
        .param("v1", meta.v1InfoHash())
        .param("v2", meta.v2InfoHash())
        .param("kind", meta.kind().name())
        .param("title", title)
        .param("description", description)
        .param("descriptionHtml", descriptionHtml)
        .param("categoryId", category.id())
        .param("uploaderId", uploader.id())
        .param("uploaderUsername", uploader.username())
        .param("size", meta.totalSize())
        .param("fileCount", meta.fileCount())
        .param("files", json.writeValueAsString(files))
        .param("pieceLength", meta.pieceLength())
        .param("private", meta.privateTorrent())
        .param("createdBy", meta.createdBy())
        .param("trackers", json.writeValueAsString(trackers))
        .param("release", TorrentRow.releaseJson(release.release()))
        .param("trusted", release.trusted())
        .param("remake", release.remake())
        .param("complete", release.complete())
        .param("seriesId", seriesId)
        .param("now", Timestamp.from(now))
        .query(TorrentRow.MAPPER)
        .single();
  }

  /** A live torrent. */
  public Optional<TorrentRow> find(long id) {
    return find(id, false);
  }

  /** A live torrent, its row locked until the end of the transaction. */
  public Optional<TorrentRow> findForUpdate(long id) {
    return find(id, true);
  }

  private Optional<TorrentRow> find(long id, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + TorrentRow.COLUMNS
                + TorrentRow.FROM
                + " where t.id = :id and t.deleted_at is null"
                + (forUpdate ? " for update of t" : ""))
        .param("id", id)
        .query(TorrentRow.MAPPER)
        .optional();
  }

  private static final String LISTING_WHERE =
      " where t.deleted_at is null"
          + " and (cast(:uploader as text) is null"
          + " or lower(t.uploader_username) = lower(cast(:uploader as text)))"
          + " and (cast(:category as bigint) is null or t.category_id = :category)";

  /** How many live torrents match the listing filters (null = any). */
  public long count(String uploader, Long categoryId) {
    return jdbc.sql("select count(*)" + TorrentRow.FROM + LISTING_WHERE)
        .param("uploader", uploader)
        .param("category", categoryId)
        .query(Long.class)
        .single();
  }

  /** One page of live torrents matching the filters, newest first. */
  public List<TorrentRow> page(String uploader, Long categoryId, int page, int size) {
    return jdbc.sql(
            "select "
                + TorrentRow.COLUMNS
                + TorrentRow.FROM
                + LISTING_WHERE
                + " order by t.created_at desc, t.id desc limit :limit offset :offset")
        .param("uploader", uploader)
        .param("category", categoryId)
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(TorrentRow.MAPPER)
        .list();
  }

  /**
   * Sets the changed fields, bumps the version and {@code updated_at}. {@code seriesDecided}: the
   * editor chose the series (or its absence), so the backfill leaves the row alone from now on.
   */
  public void update(
      long id,
      String title,
      String description,
      String descriptionHtml,
      long categoryId,
      ReleaseState release,
      @Nullable Long seriesId,
      boolean seriesDecided,
      Instant now) {
    jdbc.sql(
            """
            update torrent set title = :title, description = :description,
                description_html = :descriptionHtml,
                category_id = :categoryId, release = cast(:release as jsonb), trusted = :trusted,
                remake = :remake, complete = :complete, series_id = :seriesId,
                series_matched = series_matched or :seriesDecided,
                version = version + 1, updated_at = :now
            where id = :id
            """)
        .param("seriesId", seriesId)
        .param("seriesDecided", seriesDecided)
        .param("id", id)
        .param("title", title)
        .param("description", description)
        .param("descriptionHtml", descriptionHtml)
        .param("categoryId", categoryId)
        .param("release", TorrentRow.releaseJson(release.release()))
        .param("trusted", release.trusted())
        .param("remake", release.remake())
        .param("complete", release.complete())
        .param("now", Timestamp.from(now))
        .update();
  }

  /** The MediaInfo/NFO text of a torrent; read only for its own page, never for listings. */
  public Optional<String> mediaInfo(long id) {
    return jdbc.sql("select media_info from torrent where id = :id and media_info is not null")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  /** Replaces the MediaInfo/NFO text ({@code null} removes it); callers hold the row. */
  public void setMediaInfo(long id, String mediaInfo) {
    jdbc.sql("update torrent set media_info = :mediaInfo where id = :id")
        .param("id", id)
        .param("mediaInfo", mediaInfo)
        .update();
  }

  /**
   * Live torrents whose release was never parsed (written before release fields), oldest first,
   * locked until the end of the transaction; rows another transaction holds are skipped, so
   * backfills running side by side (several instances starting) never take the same row.
   */
  public List<TorrentRow> lockUnparsed(int limit) {
    return jdbc.sql(
            "select "
                + TorrentRow.COLUMNS
                + TorrentRow.FROM
                + " where t.release is null and t.deleted_at is null"
                + " order by t.id limit :limit for update of t skip locked")
        .param("limit", limit)
        .query(TorrentRow.MAPPER)
        .list();
  }

  /**
   * Stores the release of a row that had none (the backfill) and bumps its version, only while it
   * still has none: true when this call wrote it.
   */
  public boolean fillRelease(long id, ParsedRelease release) {
    return jdbc.sql(
                """
                update torrent set release = cast(:release as jsonb), version = version + 1
                where id = :id and release is null
                """)
            .param("id", id)
            .param("release", TorrentRow.releaseJson(release))
            .update()
        == 1;
  }

  /**
   * Live torrents with a release whose series was never decided (written before series existed),
   * oldest first, locked like {@link #lockUnparsed}. Rows without a release yet are the release
   * backfill's, which decides their series too.
   */
  public List<TorrentRow> lockUnmatched(int limit) {
    return jdbc.sql(
            "select "
                + TorrentRow.COLUMNS
                + TorrentRow.FROM
                + " where not t.series_matched and t.release is not null and t.deleted_at is null"
                + " order by t.id limit :limit for update of t skip locked")
        .param("limit", limit)
        .query(TorrentRow.MAPPER)
        .list();
  }

  /**
   * Decides the series of a row no one decided yet (the backfills), bumping its version when it
   * gets one: true when this call set a series.
   */
  public boolean assignSeries(long id, @Nullable Long seriesId) {
    return jdbc.sql(
                    """
                update torrent set series_id = cast(:seriesId as bigint), series_matched = true,
                    version = version + case when cast(:seriesId as bigint) is null then 0 else 1 end
                where id = :id and not series_matched
                """)
                .param("id", id)
                .param("seriesId", seriesId)
                .update()
            == 1
        && seriesId != null;
  }

  /**
   * The live torrents of a series, best seeded first (newest first among equals), at most {@code
   * limit}.
   */
  public List<TorrentRow> ofSeries(long seriesId, int limit) {
    return jdbc.sql(
            "select "
                + TorrentRow.COLUMNS
                + TorrentRow.FROM
                + " where t.series_id = :seriesId and t.deleted_at is null"
                + " order by t.seeders desc, t.created_at desc, t.id desc limit :limit")
        .param("seriesId", seriesId)
        .param("limit", limit)
        .query(TorrentRow.MAPPER)
        .list();
  }

  /** Soft-deletes the torrent (its hashes stay taken); returns the new version. */
  public long markDeleted(long id, long deletedBy, Instant now) {
    return jdbc.sql(
            """
            update torrent set deleted_at = :now, deleted_by = :by,
                version = version + 1, updated_at = :now
            where id = :id
            returning version
            """)
        .param("id", id)
        .param("now", Timestamp.from(now))
        .param("by", deletedBy)
        .query(Long.class)
        .single();
  }

  /** Counts a download of a live torrent; the new total, or empty when it is gone. */
  public Optional<Long> countDownload(long id) {
    return jdbc.sql(
            """
            update torrent set downloads = downloads + 1
            where id = :id and deleted_at is null
            returning downloads
            """)
        .param("id", id)
        .query(Long.class)
        .optional();
  }

  /** Attaches the tags in this order (after {@link #clearTags} when replacing them). */
  public void setTags(long torrentId, List<Tag> tags) {
    for (int i = 0; i < tags.size(); i++) {
      jdbc.sql(
              """
              insert into torrent_tag (torrent_id, tag_id, position) values (:torrent, :tag, :pos)
              on conflict do nothing
              """)
          .param("torrent", torrentId)
          .param("tag", tags.get(i).id())
          .param("pos", i)
          .update();
    }
  }

  public void clearTags(long torrentId) {
    jdbc.sql("delete from torrent_tag where torrent_id = :id").param("id", torrentId).update();
  }

  /** The tags of one torrent in their order. */
  public List<Tag> tags(long torrentId) {
    return tags(List.of(torrentId)).getOrDefault(torrentId, List.of());
  }

  /** The tags of these torrents in their order; torrents without tags are absent. */
  public Map<Long, List<Tag>> tags(Collection<Long> torrentIds) {
    Map<Long, List<Tag>> result = new LinkedHashMap<>();
    if (torrentIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            select tt.torrent_id, g.id, g.slug, g.name from torrent_tag tt
            join tag g on g.id = tt.tag_id
            where tt.torrent_id in (:ids)
            order by tt.torrent_id, tt.position
            """)
        .param("ids", torrentIds)
        .query(
            (rs, n) -> {
              result
                  .computeIfAbsent(rs.getLong(1), key -> new ArrayList<>())
                  .add(new Tag(rs.getLong(2), rs.getString(3), rs.getString(4)));
              return null;
            })
        .list();
    return result;
  }
}
