package dev.animetracker.search.query;

import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.search.text.SearchText;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side's SQL. Pages are fetched in two steps: the ids of the page first (from the sort's
 * partial index, index-only where the filters allow, or for text by relevance or seeders from the
 * seeders bands), then the 50 rows with category and comment count. Every order ends with the id,
 * so paging is stable.
 */
@Repository
class SearchRepository {

  private static final String COLUMNS =
      """
      d.id, d.title, d.description, d.category_id, c.slug as category_slug,
      c.name_ru as category_name_ru, c.name_en as category_name_en, d.tag_slugs, d.tag_names,
      d.uploader_id, d.uploader_username, d.info_hash, d.info_hash_v2, d.size, d.file_count,
      d.created_at, d.seeders, d.leechers, d.completed, d.downloads,
      coalesce(cc.comments, 0) as comments, d.release, d.trusted, d.remake, d.complete,
      d.series_slug, d.series_title
      """;

  private static final String JOINS =
      """
      join torrent_doc d on d.id = k.id
      left join category c on c.id = d.category_id
      left join comment_count cc on cc.torrent_id = d.id
      """;

  /**
   * Lower bounds of the seeders bands, best first; the last band takes everything below the one
   * before it. Each band has a partial GIN index on {@code tsv} whose predicate is {@link
   * #bandCondition} ({@code torrent_doc_tsv_s<lower>}, V2__search_by_seeders_bands.sql). Doubling
   * bounds suit the long-tailed seeders distribution: the band where the wanted number of matches
   * is reached holds at most about as many rows as all bands above it.
   */
  static final List<Integer> SEEDER_BANDS = List.of(256, 128, 64, 32, 16, 8, 4, 2, 1, 0);

  private final JdbcClient jdbc;
  private final JsonMapper mapper;
  private final RowMapper<SearchHit> hitMapper = this::hit;

  SearchRepository(JdbcClient jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  List<CategoryView> categories() {
    return jdbc.sql("select id, slug, name_ru, name_en from category order by id")
        .query(
            (rs, n) ->
                new CategoryView(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("name_ru"),
                    rs.getString("name_en")))
        .list();
  }

  /** A page in the order of a column. */
  List<SearchHit> page(
      SearchFilter filter, SortField sort, SortOrder order, int offset, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, params);
    String direction = order == SortOrder.ASC ? "asc" : "desc";
    String orderBy = "d." + column(sort) + " " + direction + ", d.id " + direction;
    params.put("offset", offset);
    params.put("limit", limit);
    String sql =
        "select "
            + COLUMNS
            + " from (select d.id from torrent_doc d where "
            + where
            + " order by "
            + orderBy
            + " offset :offset limit :limit) k "
            + JOINS
            + " order by "
            + orderBy;
    return query(sql, params, hitMapper);
  }

  /** The live rows of these ids, in the order given. */
  List<SearchHit> hits(List<Long> ids) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ids", ids.toArray(Long[]::new));
    String sql =
        "select "
            + COLUMNS
            + " from unnest(cast(:ids as bigint[])) with ordinality as k(id, position) "
            + JOINS
            + " where d.live order by k.position";
    return query(sql, params, hitMapper);
  }

  /**
   * A page by relevance within the {@code window} best-seeded matches: {@code ts_rank} (title words
   * weigh most, then tags, then description), then seeders, then id.
   */
  CandidatePage relevance(SearchFilter filter, int window, int offset, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, params);
    params.put("candidates", window);
    params.put("offset", offset);
    params.put("limit", limit);
    String sql =
        bestSeeded(where, "d.id, d.seeders, d.tsv", filter.minSeeders(), true)
            + "select "
            + COLUMNS
            + ", k.candidates from (select b.id, b.seeders,"
            + " ts_rank(b.tsv, cast(:positive as tsquery), 1) as rank,"
            + " count(*) over () as candidates from best b"
            + " order by rank desc, b.seeders desc, b.id desc offset :offset limit :limit) k "
            + JOINS
            + " order by k.rank desc, k.seeders desc, k.id desc";
    return candidatePage(sql, params, window);
  }

  /**
   * A page of the text's matches, best-seeded first (seeders desc, id desc), read from the first
   * {@code candidates} of them (at least {@code offset + limit}), so that their number can tell the
   * total.
   */
  CandidatePage bestSeeded(SearchFilter filter, int offset, int limit, int candidates) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, params);
    params.put("candidates", Math.max(candidates, offset + limit));
    params.put("offset", offset);
    params.put("limit", limit);
    String sql =
        bestSeeded(where, "d.id, d.seeders", filter.minSeeders(), true)
            + "select "
            + COLUMNS
            + ", k.candidates from (select b.id, b.seeders, count(*) over () as candidates"
            + " from best b order by b.seeders desc, b.id desc offset :offset limit :limit) k "
            + JOINS
            + " order by k.seeders desc, k.id desc";
    return candidatePage(sql, params, Math.max(candidates, offset + limit));
  }

  /**
   * A {@code with} clause whose last query, {@code best}, holds the first {@code :candidates}
   * matches of {@code where} in seeders order (desc, then id desc), taken band by band from {@link
   * #SEEDER_BANDS}: each band is a materialized CTE read through its own partial GIN index (a
   * bitmap of that band's matches only: the planner can neither walk the seeders index nor visit
   * every match), sorted, and appended in band order; the limit stops the append, and a CTE that is
   * never read is never run. Bands entirely below {@code minSeeders} are left out. Unless {@code
   * ordered}, the rows of a band come in no particular order (enough for counting).
   *
   * <p>The window is a set taken by position from the append, so it relies on PostgreSQL's Append
   * returning its branches one after the other; a Parallel Append, which could mix them, cannot
   * arise over CTE scans (not parallel-safe). SeedersBandsIT checks the result against reading
   * every match.
   */
  private static String bestSeeded(
      String where, String columns, @Nullable Integer minSeeders, boolean ordered) {
    StringBuilder sql = new StringBuilder("with ");
    List<String> branches = new ArrayList<>();
    for (int band = 0; band < SEEDER_BANDS.size(); band++) {
      if (band > 0 && minSeeders != null && SEEDER_BANDS.get(band - 1) <= minSeeders) {
        break;
      }
      sql.append("band")
          .append(band)
          .append(" as materialized (select ")
          .append(columns)
          .append(" from torrent_doc d where ")
          .append(where)
          .append(" and ")
          .append(bandCondition(band))
          .append("), ");
      branches.add(
          "(select * from band" + band + (ordered ? " order by seeders desc, id desc)" : ")"));
    }
    return sql.append("best as (select * from (")
        .append(String.join(" union all ", branches))
        .append(") bands limit :candidates) ")
        .toString();
  }

  /**
   * The seeders condition of a band, written exactly as the predicate of its index so that the
   * planner can prove the index applies.
   */
  static String bandCondition(int band) {
    int lower = SEEDER_BANDS.get(band);
    if (band == 0) {
      return "d.seeders >= " + lower;
    }
    int upper = SEEDER_BANDS.get(band - 1);
    if (band == SEEDER_BANDS.size() - 1) {
      return "d.seeders < " + upper;
    }
    return "d.seeders >= " + lower + " and d.seeders < " + upper;
  }

  private CandidatePage candidatePage(String sql, Map<String, Object> params, int candidateLimit) {
    long[] candidates = {-1};
    List<SearchHit> items =
        query(
            sql,
            params,
            (rs, row) -> {
              candidates[0] = rs.getLong("candidates");
              return hit(rs, row);
            });
    return new CandidatePage(items, candidates[0], candidateLimit);
  }

  /**
   * Facet counts over at most {@code candidates} matching rows, {@code values} per facet: the
   * best-seeded matches of a text search, read band by band like its page and total, and the newest
   * matches of a filter, read down the creation index like the default page. An unordered limit
   * lets the planner build a bitmap of every match of a common word or tag first, which costs more
   * than the page itself.
   */
  Facets facets(SearchFilter filter, int candidates, int values) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, params);
    params.put("candidates", candidates);
    params.put("values", values);
    // The candidates carry only the plain columns: the group's display spelling lives in the
    // release jsonb, which is read for the ten groups shown, not detoasted for every candidate.
    String columns =
        "d.release_group, d.resolution, d.source, d.batch, d.subtitle_langs, d.series_slug,"
            + " d.series_title";
    String matches =
        filter.positive() != null
            ? bestSeeded(where, columns, filter.minSeeders(), false)
                + ", m as materialized (select * from best)"
            : "with m as materialized (select "
                + columns
                + " from torrent_doc d where "
                + where
                + " order by d.created_at desc, d.id desc limit :candidates)";
    String sql =
        matches
            + " select 'group' as facet,"
            + " coalesce((select g.release ->> 'group' from torrent_doc g"
            + " where g.live and g.release_group = top.release_group limit 1), top.release_group)"
            + " as value, top.n from (select release_group, count(*) as n from m"
            + " where release_group is not null group by release_group"
            + " order by n desc, release_group limit :values) top"
            + " union all select 'resolution', resolution, count(*) from m"
            + " where resolution is not null group by resolution"
            + " union all select 'source', source, count(*) from m"
            + " where source is not null group by source"
            + " union all select 'subs', l, count(*) from m, unnest(subtitle_langs) l group by l"
            + " union all select 'batch', cast(batch as text), count(*) from m group by batch"
            + " union all select 'series:' || series_slug, min(series_title), count(*) from m"
            + " where series_slug is not null group by series_slug";
    Map<String, List<Facets.Count>> counts = new LinkedHashMap<>();
    for (String facet : List.of("group", "resolution", "source", "subs", "batch")) {
      counts.put(facet, new ArrayList<>());
    }
    List<Facets.SeriesCount> series = new ArrayList<>();
    query(
        sql,
        params,
        (rs, row) -> {
          String facet = rs.getString("facet");
          if (facet.startsWith("series:")) {
            series.add(
                new Facets.SeriesCount(
                    facet.substring("series:".length()), rs.getString("value"), rs.getLong("n")));
          } else {
            counts.get(facet).add(new Facets.Count(rs.getString("value"), rs.getLong("n")));
          }
          return null;
        });
    Comparator<Facets.Count> order =
        Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value);
    counts.replaceAll((facet, list) -> list.stream().sorted(order).limit(values).toList());
    return new Facets(
        counts.get("group"),
        counts.get("resolution"),
        counts.get("source"),
        counts.get("subs"),
        counts.get("batch"),
        series.stream()
            .sorted(
                Comparator.comparingLong(Facets.SeriesCount::count)
                    .reversed()
                    .thenComparing(Facets.SeriesCount::slug))
            .limit(values)
            .toList());
  }

  /** How many rows match, counting at most {@code cap}. */
  long count(SearchFilter filter, int cap) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (filter.onlyCategories()) {
      StringBuilder sql = new StringBuilder("select coalesce(sum(torrents), 0) from live_count");
      sql.append(" where true");
      if (filter.categoryIds() != null) {
        sql.append(" and category_id = any(:categoryIds)");
        params.put("categoryIds", filter.categoryIds().toArray(Long[]::new));
      }
      if (!filter.excludedCategoryIds().isEmpty()) {
        sql.append(" and category_id <> all(:excludedCategoryIds)");
        params.put("excludedCategoryIds", filter.excludedCategoryIds().toArray(Long[]::new));
      }
      return query(sql.toString(), params, (rs, n) -> rs.getLong(1)).getFirst();
    }
    String where = where(filter, params);
    if (filter.positive() != null) {
      // Band by band too: only the bands that reach the cap are read, each through its small
      // index, instead of a bitmap of every match from the whole text index.
      params.put("candidates", cap);
      String sql =
          bestSeeded(where, "d.id, d.seeders", filter.minSeeders(), false)
              + "select count(*) from best";
      return query(sql, params, (rs, n) -> rs.getLong(1)).getFirst();
    }
    params.put("cap", cap);
    String sql =
        "select count(*) from (select 1 from torrent_doc d where " + where + " limit :cap) s";
    return query(sql, params, (rs, n) -> rs.getLong(1)).getFirst();
  }

  /**
   * Known words similar to each query word that is not the start of any known word ("did you
   * mean"), best first, at most {@code perWord} each.
   */
  Map<String, List<String>> corrections(List<String> words, int perWord) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("words", words.toArray(String[]::new));
    params.put("perWord", perWord);
    String sql =
        """
        select q.word as query_word, s.word as known_word
        from unnest(cast(:words as text[])) as q(word)
        cross join lateral (
            select w.word from search_word w
            where w.word % q.word
            order by similarity(w.word, q.word) desc, w.word
            limit :perWord) s
        where not exists (
            select 1 from search_word p
            where p.word >= (q.word collate "C") and p.word < (q.word || chr(1114111)) collate "C")
        """;
    Map<String, List<String>> corrections = new LinkedHashMap<>();
    query(
        sql,
        params,
        (rs, n) -> {
          corrections
              .computeIfAbsent(rs.getString("query_word"), key -> new ArrayList<>())
              .add(rs.getString("known_word"));
          return null;
        });
    return corrections;
  }

  private <T> List<T> query(String sql, Map<String, Object> params, RowMapper<T> mapper) {
    SqlTrace.record(sql, params);
    return jdbc.sql(sql).params(params).query(mapper).list();
  }

  private static String where(SearchFilter filter, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add("d.live");
    if (filter.positive() != null) {
      params.put("positive", filter.positive());
      List<String> required = filterWords(filter);
      if (required.isEmpty()) {
        conditions.add("d.tsv @@ cast(:positive as tsquery)");
      } else {
        // The tags' own words and the filters' markers are in the tsv of every document that has
        // them: requiring them too lets the text index drop most other matches before the heap
        // is read (the columns decide). A word with a rare filter would otherwise read every
        // match of the word.
        conditions.add("d.tsv @@ cast(:matching as tsquery)");
        params.put("matching", withFilterWords(filter.positive(), required));
      }
    }
    if (filter.negative() != null) {
      conditions.add("not (d.tsv @@ cast(:negative as tsquery))");
      params.put("negative", filter.negative());
    }
    ParsedQuery.HashLookup hash = filter.hash();
    if (hash != null) {
      List<String> any = new ArrayList<>();
      if (hash.v1() != null) {
        // A 40-hex text is the v1 hash, or the truncated v2 hash (the tracker key of v2 torrents).
        any.add("d.info_hash = :hashV1");
        params.put("hashV1", hash.v1());
        if (hash.v1().length() == 40) {
          any.add("(d.info_hash_v2 >= :hashV1 and d.info_hash_v2 < :hashV1End)");
          params.put("hashV1End", hash.v1() + "g");
        }
      }
      if (hash.v2() != null) {
        any.add("d.info_hash_v2 = :hashV2");
        params.put("hashV2", hash.v2());
      }
      conditions.add("(" + String.join(" or ", any) + ")");
    }
    if (filter.categoryIds() != null) {
      conditions.add("d.category_id = any(:categoryIds)");
      params.put("categoryIds", filter.categoryIds().toArray(Long[]::new));
    }
    if (!filter.excludedCategoryIds().isEmpty()) {
      conditions.add("d.category_id <> all(:excludedCategoryIds)");
      params.put("excludedCategoryIds", filter.excludedCategoryIds().toArray(Long[]::new));
    }
    if (!filter.tags().isEmpty()) {
      conditions.add("d.tag_slugs @> cast(:tags as text[])");
      params.put("tags", filter.tags().toArray(String[]::new));
    }
    if (filter.uploader() != null) {
      conditions.add("lower(d.uploader_username) = :uploader");
      params.put("uploader", filter.uploader().toLowerCase(Locale.ROOT));
    }
    if (filter.minSize() != null) {
      conditions.add("d.size >= :minSize");
      params.put("minSize", filter.minSize());
    }
    if (filter.maxSize() != null) {
      conditions.add("d.size <= :maxSize");
      params.put("maxSize", filter.maxSize());
    }
    if (filter.createdFrom() != null) {
      conditions.add("d.created_at >= :createdFrom");
      params.put("createdFrom", Timestamp.from(filter.createdFrom()));
    }
    if (filter.createdTo() != null) {
      conditions.add("d.created_at <= :createdTo");
      params.put("createdTo", Timestamp.from(filter.createdTo()));
    }
    if (filter.minSeeders() != null) {
      conditions.add("d.seeders >= :minSeeders");
      params.put("minSeeders", filter.minSeeders());
    }
    episodes(filter, conditions, params);
    release(filter.release(), conditions, params);
    return String.join(" and ", conditions);
  }

  /**
   * Season and episode from the stored release fields: a season matches its packs and episodes
   * (season 1 also absolute numbering, where no season is named); an episode matches a single
   * episode and every batch or range containing it, and with a season also that season's packs
   * without an episode range. Rows indexed without a release fall back to the title markers.
   */
  private static void episodes(
      SearchFilter filter, List<String> conditions, Map<String, Object> params) {
    if (filter.season() == null && filter.episode() == null) {
      return;
    }
    List<String> parsed = new ArrayList<>();
    parsed.add("d.release is not null");
    if (filter.season() != null) {
      params.put("season", filter.season());
      parsed.add(
          filter.season() == 1
              ? "(d.season = 1 or (d.season is null and d.episode_from is not null))"
              : "d.season = :season");
    }
    if (filter.episode() != null) {
      params.put("episode", filter.episode());
      String range = "(d.episode_from <= :episode and d.episode_to >= :episode)";
      parsed.add(
          filter.season() == null
              ? range
              : "(" + range + " or (d.batch and d.episode_from is null))");
    }
    String condition = "(" + String.join(" and ", parsed) + ")";
    if (filter.episodeMarkers() != null) {
      condition =
          "("
              + condition
              + " or (d.release is null and d.tsv @@ cast(:episodeMarkers as tsquery)))";
      params.put("episodeMarkers", filter.episodeMarkers());
    }
    conditions.add(condition);
  }

  private static void release(
      ReleaseFilter release, List<String> conditions, Map<String, Object> params) {
    if (release.group() != null) {
      conditions.add("d.release_group = :group");
      params.put("group", release.group().toLowerCase(Locale.ROOT));
    }
    if (release.resolution() != null) {
      conditions.add("d.resolution = :resolution");
      params.put("resolution", release.resolution());
    }
    if (release.source() != null) {
      conditions.add("d.source = :source");
      params.put("source", release.source());
    }
    if (release.batch() != null) {
      conditions.add("d.batch = :batch");
      params.put("batch", release.batch());
    }
    if (release.subtitles() != null) {
      // Overlap (&&) is what the GIN index on subtitle_langs serves.
      conditions.add("d.subtitle_langs && cast(:subs as text[])");
      params.put("subs", new String[] {release.subtitles(), ParsedRelease.MULTIPLE_LANGUAGES});
    }
    if (release.series() != null) {
      conditions.add("d.series_slug = :series");
      params.put("series", release.series());
    }
    if (release.flags() == ReleaseFilter.NO_REMAKES) {
      conditions.add("not d.remake");
    } else if (release.flags() == ReleaseFilter.TRUSTED_ONLY) {
      conditions.add("d.trusted");
    }
  }

  /**
   * The tsquery terms a document must hold to pass the non-text filters: each tag slug's tokens
   * (the writer puts every slug into the tsv, weight B), and the markers of the series, the
   * categories (any of them), the group, the resolution and the trusted flag ({@link
   * SearchText#filterMarkers}, {@link SearchText#seriesMarker}). Necessary, not sufficient: the
   * columns still decide.
   */
  static List<String> filterWords(SearchFilter filter) {
    List<String> words = new ArrayList<>();
    for (String tag : filter.tags()) {
      for (String token : SearchText.tokens(tag)) {
        words.add(ParsedQuery.lexeme(token, false));
      }
    }
    ReleaseFilter release = filter.release();
    if (release.series() != null) {
      words.add(ParsedQuery.lexeme(SearchText.seriesMarker(release.series()), false));
    }
    if (filter.categoryIds() != null && !filter.categoryIds().isEmpty()) {
      List<String> any = new ArrayList<>();
      for (long id : filter.categoryIds()) {
        any.add(ParsedQuery.lexeme(SearchText.categoryMarker(id), false));
      }
      words.add(any.size() == 1 ? any.getFirst() : "( " + String.join(" | ", any) + " )");
    }
    if (release.group() != null) {
      words.add(ParsedQuery.lexeme(SearchText.groupMarker(release.group()), false));
    }
    if (release.resolution() != null) {
      words.add(ParsedQuery.lexeme(SearchText.resolutionMarker(release.resolution()), false));
    }
    if (release.flags() == ReleaseFilter.TRUSTED_ONLY) {
      words.add(ParsedQuery.lexeme(SearchText.TRUSTED_MARKER, false));
    }
    return words;
  }

  /** The text query and the filters' terms; no phrase, so positions need no recheck. */
  static String withFilterWords(String positive, List<String> required) {
    List<String> parts = new ArrayList<>();
    parts.add("( " + positive + " )");
    parts.addAll(required);
    return String.join(" & ", parts);
  }

  private static String column(SortField sort) {
    return switch (sort) {
      case CREATED, RELEVANCE -> "created_at";
      case SEEDERS -> "seeders";
      case LEECHERS -> "leechers";
      case DOWNLOADS -> "downloads";
      case COMPLETED -> "completed";
      case SIZE -> "size";
      case TITLE -> "title_sort";
    };
  }

  private SearchHit hit(ResultSet rs, int row) throws SQLException {
    List<String> slugs = strings(rs.getArray("tag_slugs"));
    List<String> names = strings(rs.getArray("tag_names"));
    List<TagView> tags = new ArrayList<>(slugs.size());
    for (int i = 0; i < slugs.size(); i++) {
      tags.add(new TagView(slugs.get(i), i < names.size() ? names.get(i) : slugs.get(i)));
    }
    String slug = rs.getString("category_slug");
    String release = rs.getString("release");
    return new SearchHit(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("description") == null ? "" : rs.getString("description"),
        new CategoryView(
            rs.getLong("category_id"),
            slug == null ? "" : slug,
            slug == null ? "" : rs.getString("category_name_ru"),
            slug == null ? "" : rs.getString("category_name_en")),
        List.copyOf(tags),
        rs.getLong("uploader_id"),
        rs.getString("uploader_username"),
        rs.getString("info_hash"),
        rs.getString("info_hash_v2"),
        rs.getLong("size"),
        rs.getInt("file_count"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getInt("seeders"),
        rs.getInt("leechers"),
        rs.getLong("completed"),
        rs.getLong("downloads"),
        rs.getInt("comments"),
        release == null ? null : mapper.readValue(release, ParsedRelease.class),
        rs.getBoolean("trusted"),
        rs.getBoolean("remake"),
        rs.getBoolean("complete"),
        rs.getString("series_slug") == null
            ? null
            : new SeriesRef(rs.getString("series_slug"), rs.getString("series_title")));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((String[]) array.getArray());
  }
}
