package dev.animetracker.search.index;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.search.text.SearchText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies changes to the read model. Every write is a conditional upsert, so repeats and reordering
 * are harmless without bookkeeping: a snapshot or tombstone applies only over an older version,
 * swarm stats only over an older observation, downloads only when higher, a comment count only when
 * its event is newer than the last applied one, a series' titles only over an older version.
 * Counters of a torrent not seen yet are kept on an invisible row keyed by its info hash until its
 * snapshot arrives.
 */
@Component
public class ReadModelWriter {

  private static final String UPSERT_CATEGORY =
      """
      insert into category (id, slug, name_ru, name_en) values (:id, :slug, :nameRu, :nameEn)
      on conflict (id) do update
          set slug = excluded.slug, name_ru = excluded.name_ru, name_en = excluded.name_en
          where category.names_updated_at is null
            and (category.slug, category.name_ru, category.name_en)
              is distinct from (excluded.slug, excluded.name_ru, excluded.name_en)
      """;

  private static final String RENAME_CATEGORY =
      """
      insert into category (id, slug, name_ru, name_en, names_updated_at)
      values (:id, :slug, :nameRu, :nameEn, :updatedAt)
      on conflict (id) do update
          set slug = excluded.slug, name_ru = excluded.name_ru, name_en = excluded.name_en,
              names_updated_at = excluded.names_updated_at
          where category.names_updated_at is null
             or category.names_updated_at < excluded.names_updated_at
      """;

  private static final String UPSERT_SNAPSHOT =
      """
      insert into torrent_doc as d (info_hash, id, info_hash_v2, title, title_sort, description,
          category_id, tag_slugs, tag_names, uploader_id, uploader_username, size, file_count,
          created_at, updated_at, version, deleted, tsv, release, release_group, resolution,
          source, season, episode_from, episode_to, batch, subtitle_langs, audio_langs, trusted,
          remake, complete, series_slug, series_title)
      values (:infoHash, :id, :infoHashV2, :title, :titleSort, :description, :categoryId,
          cast(:tagSlugs as text[]), cast(:tagNames as text[]), :uploaderId, :uploaderUsername,
          :size, :fileCount, :createdAt, :updatedAt, :version, false,
          cast(:tsv as tsvector)
              || coalesce((select s.tsv from series s where s.slug = :seriesSlug), ''),
          cast(:release as jsonb), :releaseGroup, :resolution, :source, :season, :episodeFrom,
          :episodeTo, :batch, cast(:subtitleLangs as text[]), cast(:audioLangs as text[]),
          :trusted, :remake, :complete, :seriesSlug,
          (select s.title from series s where s.slug = :seriesSlug))
      on conflict (info_hash) do update set
          id = excluded.id, info_hash_v2 = excluded.info_hash_v2, title = excluded.title,
          title_sort = excluded.title_sort, description = excluded.description,
          category_id = excluded.category_id, tag_slugs = excluded.tag_slugs,
          tag_names = excluded.tag_names, uploader_id = excluded.uploader_id,
          uploader_username = excluded.uploader_username, size = excluded.size,
          file_count = excluded.file_count, created_at = excluded.created_at,
          updated_at = excluded.updated_at, version = excluded.version, deleted = false,
          tsv = excluded.tsv, release = excluded.release,
          release_group = excluded.release_group, resolution = excluded.resolution,
          source = excluded.source, season = excluded.season,
          episode_from = excluded.episode_from, episode_to = excluded.episode_to,
          batch = excluded.batch, subtitle_langs = excluded.subtitle_langs,
          audio_langs = excluded.audio_langs, trusted = excluded.trusted,
          remake = excluded.remake, complete = excluded.complete,
          series_slug = excluded.series_slug, series_title = excluded.series_title
      where d.version is null or d.version < excluded.version
      """;

  /**
   * A series a snapshot refers to, as far as the snapshot knows it, unless the series is known
   * already. The row is what a concurrent series.updated of the same series waits for (or that
   * waits for it): see {@link #snapshots}.
   */
  private static final String INSERT_SERIES_REF =
      """
      insert into series (slug, title, tsv) values (:slug, :title, cast(:tsv as tsvector))
      on conflict (slug) do nothing
      """;

  private static final String LOCK_SERIES =
      "select slug from series where slug = any(:slugs) order by slug for share";

  private static final String UPSERT_SERIES =
      """
      insert into series as s (slug, title, alternative_titles, version, updated_at, tsv)
      values (:slug, :title, cast(:alternativeTitles as text[]), :version, :updatedAt,
          cast(:tsv as tsvector))
      on conflict (slug) do update set
          title = excluded.title, alternative_titles = excluded.alternative_titles,
          version = excluded.version, updated_at = excluded.updated_at, tsv = excluded.tsv
      where s.version is null or s.version < excluded.version
      """;

  /**
   * Every live torrent of a series at once: its title shown, and its tsv's series part (weight C)
   * replaced by the series' current titles.
   */
  private static final String REFRESH_SERIES_DOCS =
      """
      update torrent_doc d set series_title = :title,
          tsv = ts_filter(d.tsv, cast(:ownWeights as "char"[])) || cast(:tsv as tsvector)
      where d.live and d.series_slug = :slug
      """;

  private static final String UPSERT_TOMBSTONE =
      """
      insert into torrent_doc as d (info_hash, id, info_hash_v2, version, deleted)
      values (:infoHash, :id, :infoHashV2, :version, true)
      on conflict (info_hash) do update set deleted = true, version = excluded.version
      where d.version is null or d.version < excluded.version
          or (d.version = excluded.version and not d.deleted)
      """;

  private static final String UPSERT_STATS =
      """
      insert into torrent_doc as d (info_hash, seeders, leechers, completed, stats_observed_at)
      values (:infoHash, :seeders, :leechers, :completed, :observedAt)
      on conflict (info_hash) do update set
          seeders = case when d.stats_observed_at is null
                              or d.stats_observed_at < excluded.stats_observed_at
                         then excluded.seeders else d.seeders end,
          leechers = case when d.stats_observed_at is null
                               or d.stats_observed_at < excluded.stats_observed_at
                          then excluded.leechers else d.leechers end,
          completed = greatest(d.completed, excluded.completed),
          stats_observed_at = greatest(d.stats_observed_at, excluded.stats_observed_at)
      where d.stats_observed_at is null or d.stats_observed_at < excluded.stats_observed_at
          or d.completed < excluded.completed
      """;

  private static final String UPSERT_DOWNLOADS =
      """
      insert into torrent_doc as d (info_hash, downloads) values (:infoHash, :downloads)
      on conflict (info_hash) do update set downloads = excluded.downloads
      where d.downloads < excluded.downloads
      """;

  private static final String UPSERT_COMMENTS =
      """
      insert into comment_count as c (torrent_id, comments, occurred_at)
      values (:torrentId, :comments, :occurredAt)
      on conflict (torrent_id) do update
          set comments = excluded.comments, occurred_at = excluded.occurred_at
      where c.occurred_at < excluded.occurred_at
      """;

  private static final String INSERT_WORDS =
      "insert into search_word (word) select unnest(cast(:words as text[])) on conflict do nothing";

  private static final String TOMBSTONE_MISSING =
      """
      update torrent_doc set deleted = true, version = version + 1
      where live and id = :id
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final JsonMapper mapper;

  ReadModelWriter(NamedParameterJdbcTemplate jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /** Swarm counts as the tracker observed them. */
  public record Stats(
      String infoHash, long seeders, long leechers, long completed, Instant observedAt) {}

  /** A comment count as of a moment. */
  public record Comments(long torrentId, long comments, Instant asOf) {}

  /** A download total. */
  public record Downloads(String infoHash, long downloads) {}

  /** A removal. */
  public record Tombstone(
      String infoHash, long torrentId, @Nullable String infoHashV2, long version) {}

  /**
   * Applies snapshots (created, updated, or listed by torrent-service).
   *
   * @return how many changed the read model (the others were not newer than what it holds)
   */
  @Transactional
  public int snapshots(List<TorrentSnapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return 0;
    }
    Map<Long, SqlParameterSource> categories = new java.util.TreeMap<>();
    TreeSet<String> words = new TreeSet<>();
    List<SqlParameterSource> docs = new ArrayList<>();
    Map<String, SqlParameterSource> series = new TreeMap<>();
    for (TorrentSnapshot snapshot : snapshots) {
      SeriesRef ref = snapshot.series();
      if (ref != null) {
        series.put(
            ref.slug(),
            new MapSqlParameterSource()
                .addValue("slug", ref.slug())
                .addValue("title", withoutNul(ref.title()))
                .addValue("tsv", SearchText.seriesTsvector(ref.slug(), ref.title(), List.of())));
      }
      if (snapshot.category() != null) {
        categories.put(
            snapshot.category().id(),
            new MapSqlParameterSource()
                .addValue("id", snapshot.category().id())
                .addValue("slug", snapshot.category().slug())
                .addValue("nameRu", snapshot.category().nameRu())
                .addValue("nameEn", snapshot.category().nameEn()));
      }
      List<TagRef> tags = snapshot.tags() == null ? List.of() : snapshot.tags();
      List<String> tagTexts = new ArrayList<>();
      tags.forEach(
          tag -> {
            tagTexts.add(tag.name());
            tagTexts.add(tag.slug());
          });
      words.addAll(SearchText.vocabulary(snapshot.title(), tagTexts));
      if (ref != null) {
        words.addAll(SearchText.vocabulary(ref.title(), List.of()));
      }
      MapSqlParameterSource doc = new MapSqlParameterSource();
      release(doc, snapshot);
      doc.addValue("seriesSlug", ref == null ? null : ref.slug());
      docs.add(
          doc.addValue("infoHash", snapshot.infoHash().toLowerCase(Locale.ROOT))
              .addValue("id", snapshot.torrentId())
              .addValue(
                  "infoHashV2",
                  snapshot.infoHashV2() == null
                      ? null
                      : snapshot.infoHashV2().toLowerCase(Locale.ROOT))
              .addValue("title", snapshot.title())
              .addValue("titleSort", SearchText.sortKey(snapshot.title()))
              .addValue("description", snapshot.description())
              .addValue("categoryId", snapshot.category() == null ? null : snapshot.category().id())
              .addValue("tagSlugs", tags.stream().map(TagRef::slug).toArray(String[]::new))
              .addValue("tagNames", tags.stream().map(TagRef::name).toArray(String[]::new))
              .addValue("uploaderId", snapshot.uploaderId())
              .addValue("uploaderUsername", snapshot.uploaderUsername())
              .addValue("size", snapshot.size())
              .addValue("fileCount", snapshot.fileCount())
              .addValue("createdAt", timestamp(snapshot.createdAt()))
              .addValue("updatedAt", timestamp(snapshot.updatedAt()))
              .addValue("version", snapshot.version())
              .addValue("tsv", tsvector(snapshot, tagTexts)));
    }
    // Sorted keys: concurrent writers (listener and reindex) lock rows in the same order.
    jdbc.batchUpdate(UPSERT_CATEGORY, categories.values().toArray(SqlParameterSource[]::new));
    if (!words.isEmpty()) {
      jdbc.update(INSERT_WORDS, new MapSqlParameterSource("words", words.toArray(String[]::new)));
    }
    if (!series.isEmpty()) {
      // The docs take their series' titles from its row, read under a share lock: a series.updated
      // committing meanwhile either waits for this transaction (and then refreshes these docs too)
      // or has committed before the lock was granted (and these docs read its titles), so neither
      // order of arrival leaves a doc with stale titles. The row is created first when missing,
      // since there would be nothing to lock.
      jdbc.batchUpdate(INSERT_SERIES_REF, series.values().toArray(SqlParameterSource[]::new));
      jdbc.queryForList(
          LOCK_SERIES,
          new MapSqlParameterSource("slugs", series.keySet().toArray(String[]::new)),
          String.class);
    }
    return changed(jdbc.batchUpdate(UPSERT_SNAPSHOT, docs.toArray(SqlParameterSource[]::new)));
  }

  /**
   * Applies a series' titles if {@code version} is newer than the one held, and then to every live
   * torrent of the series in one statement.
   *
   * @return how many torrents were refreshed, or -1 when the version was not newer
   */
  @Transactional
  public int series(SeriesRef series, List<String> alternativeTitles, long version, Instant at) {
    String title = withoutNul(series.title());
    List<String> alternatives =
        alternativeTitles.stream().map(ReadModelWriter::withoutNul).toList();
    String tsv = SearchText.seriesTsvector(series.slug(), title, alternatives);
    int applied =
        jdbc.update(
            UPSERT_SERIES,
            new MapSqlParameterSource()
                .addValue("slug", series.slug())
                .addValue("title", title)
                .addValue("alternativeTitles", alternatives.toArray(String[]::new))
                .addValue("version", version)
                .addValue("updatedAt", timestamp(at))
                .addValue("tsv", tsv));
    if (applied == 0) {
      return -1;
    }
    List<String> titles = new ArrayList<>(alternatives);
    titles.add(title);
    Set<String> words = SearchText.vocabulary(null, titles);
    if (!words.isEmpty()) {
      jdbc.update(INSERT_WORDS, new MapSqlParameterSource("words", words.toArray(String[]::new)));
    }
    return jdbc.update(
        REFRESH_SERIES_DOCS,
        new MapSqlParameterSource()
            .addValue("slug", series.slug())
            .addValue("title", title)
            .addValue("ownWeights", SearchText.OWN_WEIGHTS)
            .addValue("tsv", tsv));
  }

  /**
   * Applies a category rename unless a newer one was applied already; every torrent of the category
   * shows the new names at once (they are joined, not copied).
   *
   * @return whether the read model changed
   */
  @Transactional
  public boolean categoryRenamed(CategoryRef category, Instant updatedAt) {
    return jdbc.update(
            RENAME_CATEGORY,
            new MapSqlParameterSource()
                .addValue("id", category.id())
                .addValue("slug", category.slug())
                .addValue("nameRu", category.nameRu())
                .addValue("nameEn", category.nameEn())
                .addValue("updatedAt", timestamp(updatedAt)))
        > 0;
  }

  /** Applies removals; returns how many changed the read model. */
  @Transactional
  public int tombstones(List<Tombstone> tombstones) {
    return changed(
        jdbc.batchUpdate(
            UPSERT_TOMBSTONE,
            tombstones.stream()
                .map(
                    t ->
                        new MapSqlParameterSource()
                            .addValue("infoHash", t.infoHash().toLowerCase(Locale.ROOT))
                            .addValue("id", t.torrentId())
                            .addValue(
                                "infoHashV2",
                                t.infoHashV2() == null
                                    ? null
                                    : t.infoHashV2().toLowerCase(Locale.ROOT))
                            .addValue("version", t.version()))
                .toArray(SqlParameterSource[]::new)));
  }

  /** Applies swarm counts; returns how many changed the read model. */
  @Transactional
  public int stats(List<Stats> stats) {
    return changed(
        jdbc.batchUpdate(
            UPSERT_STATS,
            stats.stream()
                .map(
                    s ->
                        new MapSqlParameterSource()
                            .addValue("infoHash", s.infoHash().toLowerCase(Locale.ROOT))
                            .addValue(
                                "seeders", (int) Math.clamp(s.seeders(), 0, Integer.MAX_VALUE))
                            .addValue(
                                "leechers", (int) Math.clamp(s.leechers(), 0, Integer.MAX_VALUE))
                            .addValue("completed", Math.max(0, s.completed()))
                            .addValue("observedAt", timestamp(s.observedAt())))
                .toArray(SqlParameterSource[]::new)));
  }

  /** Applies download totals (the highest seen wins); returns how many changed the read model. */
  @Transactional
  public int downloads(List<Downloads> downloads) {
    return changed(
        jdbc.batchUpdate(
            UPSERT_DOWNLOADS,
            downloads.stream()
                .map(
                    d ->
                        new MapSqlParameterSource()
                            .addValue("infoHash", d.infoHash().toLowerCase(Locale.ROOT))
                            .addValue("downloads", Math.max(0, d.downloads())))
                .toArray(SqlParameterSource[]::new)));
  }

  /** Applies comment counts newer than the stored ones; returns how many changed. */
  @Transactional
  public int comments(List<Comments> comments) {
    return changed(
        jdbc.batchUpdate(
            UPSERT_COMMENTS,
            comments.stream()
                .map(
                    c ->
                        new MapSqlParameterSource()
                            .addValue("torrentId", c.torrentId())
                            .addValue(
                                "comments", (int) Math.clamp(c.comments(), 0, Integer.MAX_VALUE))
                            .addValue("occurredAt", timestamp(c.asOf())))
                .toArray(SqlParameterSource[]::new)));
  }

  /**
   * Ids of live torrents created before {@code margin}, or before {@code started} with an id up to
   * {@code maxId}: the candidates for "no longer listed by torrent-service".
   */
  public List<Long> liveIdsBefore(Instant margin, Instant started, long maxId) {
    return jdbc.queryForList(
        """
        select id from torrent_doc
        where live and (created_at < :margin or (id <= :maxId and created_at < :started))
        order by id
        """,
        new MapSqlParameterSource()
            .addValue("margin", Timestamp.from(margin))
            .addValue("started", Timestamp.from(started))
            .addValue("maxId", maxId),
        Long.class);
  }

  /**
   * Tombstones live torrents that torrent-service no longer lists, one version above what we hold
   * (the removal we missed had at least that version); returns how many.
   */
  @Transactional
  public int tombstoneMissing(List<Long> ids) {
    return changed(
        jdbc.batchUpdate(
            TOMBSTONE_MISSING,
            ids.stream()
                .map(id -> new MapSqlParameterSource("id", id))
                .toArray(SqlParameterSource[]::new)));
  }

  /** The torrent's own text and the markers of what its filters test (SearchText). */
  private static String tsvector(TorrentSnapshot snapshot, List<String> tagTexts) {
    String text = SearchText.tsvector(snapshot.title(), tagTexts, snapshot.description());
    ParsedRelease release = snapshot.release();
    String markers =
        SearchText.filterMarkers(
            snapshot.category() == null ? null : snapshot.category().id(),
            release == null ? null : release.group(),
            release == null ? null : release.resolution(),
            snapshot.trusted());
    return text.isEmpty() || markers.isEmpty() ? text + markers : text + " " + markers;
  }

  /** The release columns; a snapshot without a release clears them (the title is all we know). */
  private void release(MapSqlParameterSource doc, TorrentSnapshot snapshot) {
    ParsedRelease release = snapshot.release();
    doc.addValue("release", release == null ? null : mapper.writeValueAsString(release))
        .addValue(
            "releaseGroup",
            release == null || release.group() == null
                ? null
                : release.group().toLowerCase(Locale.ROOT))
        .addValue("resolution", release == null ? null : release.resolution())
        .addValue("source", release == null ? null : release.source())
        .addValue("season", release == null ? null : release.season())
        .addValue("episodeFrom", release == null ? null : release.episodeFrom())
        .addValue("episodeTo", release == null ? null : release.episodeTo())
        .addValue("batch", release != null && release.batch())
        .addValue(
            "subtitleLangs",
            release == null ? new String[0] : release.subtitleLanguages().toArray(String[]::new))
        .addValue(
            "audioLangs",
            release == null ? new String[0] : release.audioLanguages().toArray(String[]::new))
        .addValue("trusted", snapshot.trusted())
        .addValue("remake", snapshot.remake())
        .addValue("complete", snapshot.complete());
  }

  /** PostgreSQL text cannot hold NUL; torrent-service refuses control characters anyway. */
  private static String withoutNul(String text) {
    return text.replace("\u0000", "");
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static int changed(int[] counts) {
    int changed = 0;
    for (int count : counts) {
      if (count > 0) {
        changed++;
      }
    }
    return changed;
  }
}
