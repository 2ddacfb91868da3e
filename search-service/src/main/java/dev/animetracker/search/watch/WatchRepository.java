package dev.animetracker.search.watch;

import dev.animetracker.search.query.ReleaseFilter;
import dev.animetracker.search.query.SearchCriteria;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of watches and of matching them against a new release. */
@Repository
class WatchRepository {

  private static final String COLUMNS =
      "w.id, w.user_id, w.kind, w.target, w.label, w.delivery, w.created_at, w.criteria";

  /**
   * The keys of one live document (see {@link SavedSearch}): its lexemes, the first three and four
   * letters (3 to 8) of each as {@code p:} keys, and its filter columns.
   */
  private static final String DOC =
      """
      with doc as materialized (
          select d.id, d.tsv, d.uploader_id, lower(d.uploader_username) as uploader,
              c.slug as category_slug, d.tag_slugs, d.size, d.seeders, d.release, d.season,
              d.episode_from, d.episode_to, d.batch, d.release_group, d.resolution, d.source,
              d.subtitle_langs, d.series_slug, d.remake, d.trusted
          from torrent_doc d left join category c on c.id = d.category_id
          where d.id = :torrentId and d.live),
      lexemes as materialized (select unnest(tsvector_to_array(doc.tsv)) as l from doc),
      keys as materialized (
          select array(
              select l from lexemes
              union select 'p:' || left(l, n) from lexemes,
                  generate_series(3, least(char_length(l), 8)) n
              union select '@u:' || uploader from doc where uploader is not null
              union select '@s:' || series_slug from doc where series_slug is not null
              union select '@g:' || release_group from doc where release_group is not null
              union select '@tag:' || t from doc, unnest(doc.tag_slugs) t
              union select '@c:' || category_slug from doc where category_slug is not null
              union select '@r:' || resolution from doc where resolution is not null
              union select '@src:' || source from doc where source is not null
              union select '@sub:' || s from doc, unnest(doc.subtitle_langs) s
              union select '@t' from doc where trusted
              union select '*') as k)
      """;

  /**
   * Every saved search that matches the document, in one statement: the GIN index on {@code anchor}
   * picks the searches anchored on one of its keys, and each is evaluated with the very conditions
   * of {@code SearchRepository.where} (its SQL, with the search's columns in place of the request's
   * parameters). Never the uploader's own.
   */
  static final String MATCH_SEARCHES =
      DOC
          + """
          select w.id, w.user_id, w.kind, w.label, w.delivery
          from doc, keys, watch w
          where w.kind = 'search' and w.anchor && keys.k
            and w.user_id is distinct from doc.uploader_id
            and (w.positive is null or doc.tsv @@ w.positive)
            and (w.negative is null or not (doc.tsv @@ w.negative))
            and (w.category_slugs is null or doc.category_slug = any(w.category_slugs))
            and (w.excluded_slugs is null or doc.category_slug is null
                 or doc.category_slug <> all(w.excluded_slugs))
            and (w.tag_slugs is null or doc.tag_slugs @> w.tag_slugs)
            and (w.uploader is null or doc.uploader = w.uploader)
            and (w.min_size is null or doc.size >= w.min_size)
            and (w.max_size is null or doc.size <= w.max_size)
            and (w.min_seeders is null or doc.seeders >= w.min_seeders)
            and ((w.season is null and w.episode is null)
                 or ((doc.release is not null
                      and (w.season is null
                           or (w.season = 1
                               and (doc.season = 1
                                    or (doc.season is null and doc.episode_from is not null)))
                           or (w.season <> 1 and doc.season = w.season))
                      and (w.episode is null
                           or (doc.episode_from <= w.episode and doc.episode_to >= w.episode)
                           or (w.season is not null and doc.batch and doc.episode_from is null)))
                     or (doc.release is null and w.episode_markers is not null
                         and doc.tsv @@ w.episode_markers)))
            and (w.release_group is null or doc.release_group = w.release_group)
            and (w.resolution is null or doc.resolution = w.resolution)
            and (w.source is null or doc.source = w.source)
            and (w.batch is null or doc.batch = w.batch)
            and (w.subs is null or doc.subtitle_langs && w.subs)
            and (w.series_slug is null or doc.series_slug = w.series_slug)
            and (w.flags <> 1 or not doc.remake)
            and (w.flags <> 2 or doc.trusted)
          """;

  /** The follows of the document's uploader, group and series: three index lookups. */
  private static final String MATCH_FOLLOWS =
      """
      with doc as materialized (
          select d.uploader_id, d.release_group, d.series_slug from torrent_doc d
          where d.id = :torrentId and d.live)
      select w.id, w.user_id, w.kind, w.label, w.delivery from doc, watch w
      where w.kind = 'user' and w.target = cast(doc.uploader_id as text)
        and w.user_id is distinct from doc.uploader_id
      union all
      select w.id, w.user_id, w.kind, w.label, w.delivery from doc, watch w
      where w.kind = 'group' and w.target = doc.release_group
        and w.user_id is distinct from doc.uploader_id
      union all
      select w.id, w.user_id, w.kind, w.label, w.delivery from doc, watch w
      where w.kind = 'series' and w.target = doc.series_slug
        and w.user_id is distinct from doc.uploader_id
      """;

  private final JdbcClient jdbc;
  private final JsonMapper mapper;

  WatchRepository(JdbcClient jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /** A watch that matched a document. */
  record Matched(long watchId, long userId, String kind, String label, String delivery) {}

  /** The document a match is about. */
  record Release(long id, String title, String uploader, java.time.Instant createdAt) {}

  /**
   * Serialises the watch changes of one user (across instances: an advisory lock of the
   * transaction), so that the per-user cap holds under concurrent requests.
   */
  void lockUser(long userId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended('search-service.watch:' || :u, 0))")
        .param("u", userId)
        .query((rs, n) -> 1)
        .list();
  }

  int count(long userId) {
    return jdbc.sql("select count(*) from watch where user_id = :u")
        .param("u", userId)
        .query(Integer.class)
        .single();
  }

  Optional<Watch> follow(long userId, String kind, String target) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from watch w where w.user_id = :u and w.kind = :kind and w.target = :target")
        .param("u", userId)
        .param("kind", kind)
        .param("target", target)
        .query(this::watch)
        .optional();
  }

  Watch insertFollow(long userId, String kind, String target, String label, String delivery) {
    return jdbc.sql(
            """
            insert into watch as w (user_id, kind, target, label, delivery, anchor)
            values (:u, :kind, :target, :label, :delivery, '{}')
            returning\s"""
                + COLUMNS)
        .param("u", userId)
        .param("kind", kind)
        .param("target", target)
        .param("label", label)
        .param("delivery", delivery)
        .query(this::watch)
        .single();
  }

  Watch update(long id, @Nullable String delivery, @Nullable String label) {
    return jdbc.sql(
            "update watch w set delivery = coalesce(:delivery, w.delivery),"
                + " label = coalesce(:label, w.label) where w.id = :id returning "
                + COLUMNS)
        .param("id", id)
        .param("delivery", delivery)
        .param("label", label)
        .query(this::watch)
        .single();
  }

  boolean deleteFollow(long userId, String kind, String target) {
    return jdbc.sql("delete from watch where user_id = :u and kind = :kind and target = :target")
            .param("u", userId)
            .param("kind", kind)
            .param("target", target)
            .update()
        > 0;
  }

  /** A user follow by the followed name as shown (usernames are unique case-insensitively). */
  Optional<Watch> userFollowByName(long userId, String username) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from watch w where w.user_id = :u and w.kind = 'user'"
                + " and lower(w.label) = lower(:name)")
        .param("u", userId)
        .param("name", username)
        .query(this::watch)
        .optional();
  }

  boolean delete(long userId, long id) {
    return jdbc.sql("delete from watch where user_id = :u and id = :id")
            .param("u", userId)
            .param("id", id)
            .update()
        > 0;
  }

  List<Watch> list(long userId, boolean searches) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from watch w where w.user_id = :u and "
                + (searches ? "w.kind = 'search'" : "w.kind <> 'search'")
                + " order by w.created_at, w.id")
        .param("u", userId)
        .query(this::watch)
        .list();
  }

  Optional<Watch> search(long userId, long id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from watch w where w.user_id = :u and w.id = :id and w.kind = 'search'")
        .param("u", userId)
        .param("id", id)
        .query(this::watch)
        .optional();
  }

  /** The title of a known series, empty for an unknown slug. */
  Optional<String> seriesTitle(String slug) {
    return jdbc.sql("select title from series where slug = :slug")
        .param("slug", slug)
        .query(String.class)
        .optional();
  }

  Watch insertSearch(long userId, String name, String delivery, SavedSearch saved) {
    SearchCriteria c = saved.criteria();
    ReleaseFilter r = c.release();
    return jdbc.sql(
            """
            insert into watch as w (user_id, kind, label, delivery, criteria, positive, negative,
                category_slugs, excluded_slugs, tag_slugs, uploader, min_size, max_size,
                min_seeders, season, episode, episode_markers, release_group, resolution, source,
                batch, subs, flags, series_slug, anchor)
            values (:u, 'search', :label, :delivery, cast(:criteria as jsonb),
                cast(:positive as tsquery), cast(:negative as tsquery),
                cast(:categories as text[]), cast(:excluded as text[]), cast(:tags as text[]),
                :uploader, :minSize, :maxSize, :minSeeders, :season, :episode,
                cast(:episodeMarkers as tsquery), :group, :resolution, :source, :batch,
                cast(:subs as text[]), :flags, :series, cast(:anchor as text[]))
            returning\s"""
                + COLUMNS)
        .param("u", userId)
        .param("label", name)
        .param("delivery", delivery)
        .param("criteria", mapper.writeValueAsString(saved.query()))
        .param("positive", saved.text().positive())
        .param("negative", saved.text().negative())
        .param("categories", array(c.categories()))
        .param("excluded", array(c.excludedCategories()))
        .param("tags", array(c.tags()))
        .param(
            "uploader",
            c.uploader() == null ? null : c.uploader().toLowerCase(java.util.Locale.ROOT))
        .param("minSize", c.minSize())
        .param("maxSize", c.maxSize())
        .param("minSeeders", c.minSeeders())
        .param("season", c.season())
        .param("episode", c.episode())
        .param("episodeMarkers", saved.text().episodeMarkers())
        .param("group", r.group() == null ? null : r.group().toLowerCase(java.util.Locale.ROOT))
        .param("resolution", r.resolution())
        .param("source", r.source())
        .param("batch", r.batch())
        .param(
            "subs",
            r.subtitles() == null
                ? null
                : new String[] {
                  r.subtitles(), dev.animetracker.common.release.ParsedRelease.MULTIPLE_LANGUAGES
                })
        .param("flags", r.flags())
        .param("series", r.series())
        .param("anchor", saved.anchor().toArray(String[]::new))
        .query(this::watch)
        .single();
  }

  /** How many live documents satisfy a condition on {@code d}, counted up to {@code cap}. */
  long estimate(String condition, Object value, int cap) {
    return jdbc.sql(
            "select count(*) from (select 1 from torrent_doc d where d.live and "
                + condition
                + " limit :cap) s")
        .param("v", value)
        .param("cap", cap)
        .query(Long.class)
        .single();
  }

  /** Whether every slug names a known category. */
  boolean categoriesKnown(List<String> slugs) {
    return jdbc.sql("select count(*) from category where slug = any(cast(:slugs as text[]))")
            .param("slugs", slugs.toArray(String[]::new))
            .query(Long.class)
            .single()
        >= slugs.size();
  }

  /** Sets delivery {@code none} on those of the ids that belong to the user. */
  List<Watch> silence(long userId, List<Long> ids) {
    return jdbc.sql(
            "update watch w set delivery = 'none' where w.user_id = :u"
                + " and w.id = any(cast(:ids as bigint[])) returning "
                + COLUMNS)
        .param("u", userId)
        .param("ids", ids.toArray(Long[]::new))
        .query(this::watch)
        .list();
  }

  // ------------------------------------------------------------------ matching

  Optional<Release> release(long torrentId) {
    return jdbc.sql(
            "select id, title, uploader_username, created_at from torrent_doc"
                + " where id = :id and live")
        .param("id", torrentId)
        .query(
            (rs, n) ->
                new Release(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getString("uploader_username"),
                    rs.getTimestamp("created_at").toInstant()))
        .optional();
  }

  /** Every watch that the live document matches (follows first), never its uploader's own. */
  List<Matched> matches(long torrentId) {
    List<Matched> matched =
        new java.util.ArrayList<>(
            jdbc.sql(MATCH_FOLLOWS).param("torrentId", torrentId).query(this::matched).list());
    matched.addAll(
        jdbc.sql(MATCH_SEARCHES).param("torrentId", torrentId).query(this::matched).list());
    return matched;
  }

  /** A user's match of a release, to record. */
  record NewMatch(long userId, List<Long> watchIds, String matchedBy) {}

  /**
   * Records the matches of a release in one statement, skipping users it already matched (a replay,
   * or another instance first: the primary key decides, and a concurrent insert waits for the
   * other's commit).
   *
   * @return the users this call recorded a match for
   */
  Set<Long> recordMatches(long torrentId, java.time.Instant at, List<NewMatch> matches) {
    if (matches.isEmpty()) {
      return Set.of();
    }
    // Watch ids travel as text ('{1,2}') so that one array parameter holds every user's list.
    return new HashSet<>(
        jdbc.sql(
                """
                insert into watch_match (user_id, torrent_id, matched_at, watch_ids, matched_by)
                select m.user_id, :t, :at, cast(m.ids as bigint[]), cast(m.by as jsonb)
                from unnest(cast(:users as bigint[]), cast(:ids as text[]), cast(:by as text[]))
                    as m(user_id, ids, by)
                on conflict do nothing
                returning user_id
                """)
            .param("t", torrentId)
            .param("at", java.sql.Timestamp.from(at))
            .param("users", matches.stream().map(NewMatch::userId).toArray(Long[]::new))
            .param(
                "ids",
                matches.stream()
                    .map(
                        m ->
                            "{"
                                + String.join(
                                    ",", m.watchIds().stream().map(String::valueOf).toList())
                                + "}")
                    .toArray(String[]::new))
            .param("by", matches.stream().map(NewMatch::matchedBy).toArray(String[]::new))
            .query(Long.class)
            .list());
  }

  /** A removed torrent leaves nobody's feed. */
  void forgetTorrent(long torrentId) {
    jdbc.sql("delete from watch_match where torrent_id = :t").param("t", torrentId).update();
  }

  private Matched matched(ResultSet rs, int row) throws SQLException {
    return new Matched(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("kind"),
        rs.getString("label"),
        rs.getString("delivery"));
  }

  private Watch watch(ResultSet rs, int row) throws SQLException {
    String criteria = rs.getString("criteria");
    String kind = rs.getString("kind");
    return new Watch(
        rs.getLong("id"),
        rs.getLong("user_id"),
        kind,
        rs.getString("target"),
        rs.getString("label"),
        rs.getString("delivery"),
        rs.getTimestamp("created_at").toInstant(),
        criteria == null
            ? null
            : mapper.readValue(criteria, new TypeReference<Map<String, Object>>() {}));
  }

  private static String @Nullable [] array(List<String> values) {
    return values.isEmpty() ? null : values.toArray(String[]::new);
  }
}
