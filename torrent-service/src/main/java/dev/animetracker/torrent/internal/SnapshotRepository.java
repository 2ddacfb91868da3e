package dev.animetracker.torrent.internal;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other services read of the live torrents: pages in id order with everything a read model
 * needs (the {@code TorrentSnapshot} fields plus swarm counts, downloads and comments), for
 * rebuilding search-service from scratch, and the tracker's whitelist of info hashes.
 */
@Repository
class SnapshotRepository {

  /** One live torrent: the fields of {@code TorrentSnapshot} plus the counters. */
  record Item(
      long torrentId,
      String infoHash,
      String infoHashV2,
      String title,
      String description,
      CategoryRef category,
      List<TagRef> tags,
      long size,
      int fileCount,
      long uploaderId,
      String uploaderUsername,
      Instant createdAt,
      Instant updatedAt,
      long version,
      int seeders,
      int leechers,
      long completed,
      Instant statsObservedAt,
      long downloads,
      int commentCount,
      @Nullable ParsedRelease release,
      boolean trusted,
      boolean remake,
      boolean complete,
      @Nullable SeriesRef series) {}

  /**
   * A page.
   *
   * @param asOf when the page was read: comment counts are current as of then
   * @param nextAfterId the {@code afterId} of the next page, or null after the last one
   */
  record Page(List<Item> items, Instant asOf, Long nextAfterId) {}

  private final JdbcClient jdbc;
  private final TorrentRepository torrents;

  SnapshotRepository(JdbcClient jdbc, TorrentRepository torrents) {
    this.jdbc = jdbc;
    this.torrents = torrents;
  }

  /** The info hashes of one live torrent. */
  record WhitelistEntry(String infoHash, String infoHashV2) {}

  List<WhitelistEntry> whitelist() {
    return jdbc.sql(
            "select info_hash, info_hash_v2 from torrent where deleted_at is null order by id")
        .query((rs, n) -> new WhitelistEntry(rs.getString(1), rs.getString(2)))
        .list();
  }

  /** Rows and their tags; consistent when run in one repeatable-read transaction. */
  Page page(long afterId, int limit) {
    Instant asOf = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Item> rows =
        jdbc.sql(
                """
                select t.id, t.info_hash, t.info_hash_v2, t.title, t.description, t.category_id,
                       c.slug, c.name_ru, c.name_en, t.size, t.file_count, t.uploader_id,
                       t.uploader_username, t.created_at, t.updated_at, t.version, t.seeders,
                       t.leechers, t.completed, t.stats_observed_at, t.downloads, t.comment_count,
                       t.release, t.trusted, t.remake, t.complete,
                       s.slug as series_slug, s.title as series_title
                from torrent t join category c on c.id = t.category_id
                left join series s on s.id = t.series_id
                where t.deleted_at is null and t.id > :afterId
                order by t.id
                limit :limit
                """)
            .param("afterId", afterId)
            .param("limit", limit)
            .query(
                (rs, n) ->
                    new Item(
                        rs.getLong("id"),
                        rs.getString("info_hash"),
                        rs.getString("info_hash_v2"),
                        rs.getString("title"),
                        rs.getString("description"),
                        new CategoryRef(
                            rs.getLong("category_id"),
                            rs.getString("slug"),
                            rs.getString("name_ru"),
                            rs.getString("name_en")),
                        List.of(),
                        rs.getLong("size"),
                        rs.getInt("file_count"),
                        rs.getLong("uploader_id"),
                        rs.getString("uploader_username"),
                        TorrentRow.instant(rs, "created_at"),
                        TorrentRow.instant(rs, "updated_at"),
                        rs.getLong("version"),
                        rs.getInt("seeders"),
                        rs.getInt("leechers"),
                        rs.getLong("completed"),
                        TorrentRow.instant(rs, "stats_observed_at"),
                        rs.getLong("downloads"),
                        rs.getInt("comment_count"),
                        TorrentRow.knownRelease(rs.getString("release")),
                        rs.getBoolean("trusted"),
                        rs.getBoolean("remake"),
                        rs.getBoolean("complete"),
                        rs.getString("series_slug") == null
                            ? null
                            : new SeriesRef(
                                rs.getString("series_slug"), rs.getString("series_title"))))
            .list();
    Map<Long, List<Tag>> tags = torrents.tags(rows.stream().map(Item::torrentId).toList());
    List<Item> items =
        rows.stream()
            .map(
                row ->
                    new Item(
                        row.torrentId(),
                        row.infoHash(),
                        row.infoHashV2(),
                        row.title(),
                        row.description(),
                        row.category(),
                        tags.getOrDefault(row.torrentId(), List.of()).stream()
                            .map(Tag::ref)
                            .toList(),
                        row.size(),
                        row.fileCount(),
                        row.uploaderId(),
                        row.uploaderUsername(),
                        row.createdAt(),
                        row.updatedAt(),
                        row.version(),
                        row.seeders(),
                        row.leechers(),
                        row.completed(),
                        row.statsObservedAt(),
                        row.downloads(),
                        row.commentCount(),
                        row.release(),
                        row.trusted(),
                        row.remake(),
                        row.complete(),
                        row.series()))
            .toList();
    Long next = items.size() < limit ? null : items.getLast().torrentId();
    return new Page(items, asOf, next);
  }
}
