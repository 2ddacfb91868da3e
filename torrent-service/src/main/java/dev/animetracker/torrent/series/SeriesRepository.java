package dev.animetracker.torrent.series;

import dev.animetracker.torrent.core.TorrentRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the {@code series} and {@code series_key} tables. Transactions are the callers'. */
@Repository
class SeriesRepository {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SeriesRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Series> bySlug(String slug) {
    return jdbc.sql("select * from series where slug = :slug")
        .param("slug", slug)
        .query(this::map)
        .optional();
  }

  /** The series, its row locked until the end of the transaction (edits of one series queue). */
  Optional<Series> bySlugForUpdate(String slug) {
    return jdbc.sql("select * from series where slug = :slug for update")
        .param("slug", slug)
        .query(this::map)
        .optional();
  }

  Optional<Series> byId(long id) {
    return jdbc.sql("select * from series where id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** The series owning this match key (committed, or written by this transaction). */
  Optional<Long> idByKey(String key) {
    return jdbc.sql("select series_id from series_key where key = :key")
        .param("key", key)
        .query(Long.class)
        .optional();
  }

  /** The id a new series will get, taken before its row so its key can be claimed first. */
  long nextId() {
    return jdbc.sql("select nextval(pg_get_serial_sequence('series', 'id'))")
        .query(Long.class)
        .single();
  }

  /**
   * Claims a match key for a series: false when another series holds it. A key another transaction
   * is claiming makes this wait for that transaction's end (the unique index), so two creators of
   * one series never both succeed.
   */
  boolean claimKey(String key, long seriesId) {
    return jdbc.sql(
                "insert into series_key (key, series_id) values (:key, :id) on conflict do nothing")
            .param("key", key)
            .param("id", seriesId)
            .update()
        == 1;
  }

  void releaseKeys(long seriesId) {
    jdbc.sql("delete from series_key where series_id = :id").param("id", seriesId).update();
  }

  /**
   * Inserts {@code series} (its id, title, titles, synonyms, ids, creator and times) under this
   * slug: false when the slug is taken.
   */
  boolean insert(Series series, String slug) {
    return jdbc.sql(
                """
                insert into series (id, slug, title, title_romaji, title_english, title_russian,
                    title_japanese, synonyms, anilist_id, mal_id, anidb_id, version, created_at,
                    updated_at, created_by)
                values (:id, :slug, :title, :romaji, :english, :russian, :japanese,
                    cast(:synonyms as jsonb), :anilist, :mal, :anidb, 1, :createdAt, :updatedAt,
                    :createdBy)
                on conflict (slug) do nothing
                """)
            .param("id", series.id())
            .param("slug", slug)
            .param("title", series.title())
            .param("romaji", series.titles().romaji())
            .param("english", series.titles().english())
            .param("russian", series.titles().russian())
            .param("japanese", series.titles().japanese())
            .param("synonyms", json.writeValueAsString(series.synonyms()))
            .param("anilist", series.anilistId())
            .param("mal", series.malId())
            .param("anidb", series.anidbId())
            .param("createdAt", Timestamp.from(series.createdAt()))
            .param("updatedAt", Timestamp.from(series.updatedAt()))
            .param("createdBy", series.createdBy())
            .update()
        == 1;
  }

  /** Writes every editable field of {@code series} and bumps its version; the stored row. */
  Series update(Series series, Instant now) {
    return jdbc.sql(
            """
            update series set title = :title, title_romaji = :romaji, title_english = :english,
                title_russian = :russian, title_japanese = :japanese,
                synonyms = cast(:synonyms as jsonb), anilist_id = :anilist, mal_id = :mal,
                anidb_id = :anidb, version = version + 1, updated_at = :now
            where id = :id
            returning *
            """)
        .param("id", series.id())
        .param("title", series.title())
        .param("romaji", series.titles().romaji())
        .param("english", series.titles().english())
        .param("russian", series.titles().russian())
        .param("japanese", series.titles().japanese())
        .param("synonyms", json.writeValueAsString(series.synonyms()))
        .param("anilist", series.anilistId())
        .param("mal", series.malId())
        .param("anidb", series.anidbId())
        .param("now", Timestamp.from(now))
        .query(this::map)
        .single();
  }

  /** Whether this user uploaded a live torrent of the series. */
  boolean isUploaderOf(long seriesId, long userId) {
    return jdbc.sql(
            """
            select exists (select 1 from torrent
                           where series_id = :series and uploader_id = :user and deleted_at is null)
            """)
        .param("series", seriesId)
        .param("user", userId)
        .query(Boolean.class)
        .single();
  }

  /** How many live torrents each series holds; series without any are absent. */
  Map<Long, Long> releaseCounts(Collection<Long> seriesIds) {
    Map<Long, Long> counts = new HashMap<>();
    if (seriesIds.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            select series_id, count(*) from torrent
            where series_id in (:ids) and deleted_at is null group by series_id
            """)
        .param("ids", seriesIds)
        .query(
            (rs, n) -> {
              counts.put(rs.getLong(1), rs.getLong(2));
              return null;
            })
        .list();
    return counts;
  }

  /**
   * A page of the series with a title whose key holds {@code key} (null = every series): an exact
   * title first, then titles starting with it, then the rest; most recently updated first within
   * each. {@code key} holds only letters, digits and spaces, so it needs no LIKE escaping.
   */
  List<Series> search(@Nullable String key, int page, int size) {
    String sql =
        key == null
            ? "select s.* from series s order by s.updated_at desc, s.id desc"
            : """
              with hits as (
                select k.series_id,
                       min(case when k.key = :key then 0 when k.key like :prefix then 1 else 2 end)
                         as rank
                from series_key k where k.key like :infix group by k.series_id)
              select s.* from hits h join series s on s.id = h.series_id
              order by h.rank, s.updated_at desc, s.id desc
              """;
    var statement = jdbc.sql(sql + " limit :limit offset :offset");
    if (key != null) {
      statement =
          statement.param("key", key).param("prefix", key + "%").param("infix", "%" + key + "%");
    }
    return statement
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(this::map)
        .list();
  }

  long count(@Nullable String key) {
    if (key == null) {
      return jdbc.sql("select count(*) from series").query(Long.class).single();
    }
    return jdbc.sql("select count(distinct series_id) from series_key where key like :infix")
        .param("infix", "%" + key + "%")
        .query(Long.class)
        .single();
  }

  /** Series in slug order after {@code after}, for search-service's reindex. */
  List<Series> after(String after, int limit) {
    return jdbc.sql("select * from series where slug > :after order by slug limit :limit")
        .param("after", after)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  private Series map(ResultSet rs, int row) throws SQLException {
    return new Series(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("title"),
        new Series.Titles(
            rs.getString("title_romaji"),
            rs.getString("title_english"),
            rs.getString("title_russian"),
            rs.getString("title_japanese")),
        List.copyOf(json.readValue(rs.getString("synonyms"), STRINGS)),
        rs.getObject("anilist_id", Integer.class),
        rs.getObject("mal_id", Integer.class),
        rs.getObject("anidb_id", Integer.class),
        rs.getLong("version"),
        TorrentRow.instant(rs, "created_at"),
        TorrentRow.instant(rs, "updated_at"),
        rs.getObject("created_by", Long.class));
  }
}
