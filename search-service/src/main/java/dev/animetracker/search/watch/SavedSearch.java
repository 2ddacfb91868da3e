package dev.animetracker.search.watch;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.search.query.CompiledQuery;
import dev.animetracker.search.query.ReleaseFilter;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SearchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A saved search as the matcher stores it: the criteria {@code /api/search} parsed, compiled into
 * the tsquery literals and filter columns the one matching statement compares a new document
 * with, and its <em>anchor</em>: the keys of its rarest required condition. A document can only
 * match a search whose anchor shares a key with the document's keys ({@link
 * WatchRepository#MATCH_SEARCHES} computes those), so a new release reads the few searches anchored
 * on something it has through a GIN index instead of evaluating every saved search.
 *
 * <p>Keys: a text clause's alternatives by their first token (a prefix word by {@code p:} and its
 * first (up to eight) letters, which every longer word it matches starts with); {@code @u:}
 * uploader, {@code @s:} series, {@code @g:} group, {@code @tag:}, {@code @c:} category, {@code @r:}
 * resolution, {@code @src:} source, {@code @sub:} subtitle language (and {@code @sub:multi}), {@code
 * @t} trusted; {@code *} when nothing required can be keyed (only exclusions, sizes, flags), which
 * every document holds.
 */
record SavedSearch(
    SearchCriteria criteria,
    CompiledQuery text,
    Map<String, Object> query,
    List<String> anchor,
    String summary) {

  /** Every document's key: searches without a keyable condition are always evaluated. */
  static final String ANY = "*";

  /** Shortest prefix word that is keyed (shorter ones, such as a single kanji, are not). */
  static final int MIN_PREFIX = 3;

  /**
   * Most letters of a prefix word in its key: the document side holds every prefix of 3 to this
   * many letters of each lexeme. Four letters were too few: titles share them widely (make
   * bench-match: 180 ms a release), eight make a prefix nearly as selective as its word.
   */
  static final int PREFIX_KEY = 8;

  /** How many documents hold a condition, counted up to some cap; lower is rarer. */
  interface Estimator {
    long documents(String condition, Object value);
  }

  /**
   * Compiles parsed criteria.
   *
   * @param categorySlugsKnown whether every included category slug names a category now (a key by
   *     an unknown slug would be harmless but useless)
   */
  static SavedSearch of(SearchCriteria c, boolean categorySlugsKnown, Estimator estimator) {
    CompiledQuery text = SearchService.compile(c);
    ReleaseFilter release = c.release();
    List<Candidate> candidates = new ArrayList<>();
    if (c.uploader() != null) {
      String uploader = c.uploader().toLowerCase(Locale.ROOT);
      candidates.add(
          new Candidate(List.of("@u:" + uploader), "lower(d.uploader_username) = :v", uploader));
    }
    if (release.series() != null) {
      candidates.add(
          new Candidate(List.of("@s:" + release.series()), "d.series_slug = :v", release.series()));
    }
    for (CompiledQuery.RequiredClause clause : text.requiredClauses()) {
      List<String> keys = new ArrayList<>();
      for (CompiledQuery.Alternative alternative : clause.alternatives()) {
        String key = key(alternative);
        if (key == null) {
          keys = null;
          break;
        }
        if (!keys.contains(key)) {
          keys.add(key);
        }
      }
      if (keys != null) {
        candidates.add(new Candidate(keys, "d.tsv @@ cast(:v as tsquery)", clause.tsquery()));
      }
    }
    if (release.group() != null) {
      String group = release.group().toLowerCase(Locale.ROOT);
      candidates.add(new Candidate(List.of("@g:" + group), "d.release_group = :v", group));
    }
    for (String tag : c.tags()) {
      candidates.add(
          new Candidate(
              List.of("@tag:" + tag.toLowerCase(Locale.ROOT)),
              "d.tag_slugs @> array[cast(:v as text)]",
              tag.toLowerCase(Locale.ROOT)));
    }
    if (!c.categories().isEmpty() && categorySlugsKnown) {
      candidates.add(
          new Candidate(
              c.categories().stream().map(slug -> "@c:" + slug).toList(),
              "d.category_id in (select id from category where slug = any(cast(:v as text[])))",
              c.categories().toArray(String[]::new)));
    }
    if (release.resolution() != null) {
      candidates.add(
          new Candidate(
              List.of("@r:" + release.resolution()), "d.resolution = :v", release.resolution()));
    }
    if (release.source() != null) {
      candidates.add(
          new Candidate(List.of("@src:" + release.source()), "d.source = :v", release.source()));
    }
    if (release.subtitles() != null) {
      candidates.add(
          new Candidate(
              List.of("@sub:" + release.subtitles(), "@sub:" + ParsedRelease.MULTIPLE_LANGUAGES),
              "d.subtitle_langs && cast(:v as text[])",
              new String[] {release.subtitles(), ParsedRelease.MULTIPLE_LANGUAGES}));
    }
    if (release.flags() == ReleaseFilter.TRUSTED_ONLY) {
      candidates.add(new Candidate(List.of("@t"), "d.trusted = :v", true));
    }
    List<String> anchor = List.of(ANY);
    long best = Long.MAX_VALUE;
    for (Candidate candidate : candidates) {
      long documents = estimator.documents(candidate.condition(), candidate.value());
      if (documents < best) {
        best = documents;
        anchor = candidate.keys();
      }
      if (documents == 0) {
        break;
      }
    }
    return new SavedSearch(c, text, query(c), anchor, summary(c));
  }

  /** The key of an alternative, or null when it cannot be keyed (a very short prefix). */
  static @Nullable String key(CompiledQuery.Alternative alternative) {
    String token = alternative.token();
    if (!alternative.prefix()) {
      return token;
    }
    int letters = token.codePointCount(0, token.length());
    if (letters < MIN_PREFIX) {
      return null;
    }
    int end = token.offsetByCodePoints(0, Math.min(letters, PREFIX_KEY));
    return "p:" + token.substring(0, end);
  }

  private record Candidate(List<String> keys, String condition, Object value) {}

  /** The set fields, named as {@code /api/search} names them (shown back, and for a link). */
  static Map<String, Object> query(SearchCriteria c) {
    Map<String, Object> query = new LinkedHashMap<>();
    put(query, "q", c.query());
    List<String> categories = new ArrayList<>(c.categories());
    c.excludedCategories().forEach(slug -> categories.add("-" + slug));
    if (!categories.isEmpty()) {
      query.put("category", categories);
    }
    if (!c.tags().isEmpty()) {
      query.put("tag", c.tags());
    }
    put(query, "uploader", c.uploader());
    ReleaseFilter release = c.release();
    put(query, "group", release.group());
    put(query, "resolution", release.resolution());
    put(query, "source", release.source());
    put(query, "season", c.season());
    put(query, "episode", c.episode());
    put(query, "batch", release.batch());
    put(query, "subs", release.subtitles());
    put(query, "series", release.series());
    if (release.flags() != ReleaseFilter.ALL) {
      query.put("filter", release.flags());
    }
    put(query, "minSeeders", c.minSeeders());
    put(query, "minSize", c.minSize());
    put(query, "maxSize", c.maxSize());
    return query;
  }

  /** A readable default name: the text and the filters' values, in the order of the form. */
  static String summary(SearchCriteria c) {
    Set<String> parts = new LinkedHashSet<>();
    for (Map.Entry<String, Object> entry : query(c).entrySet()) {
      Object value = entry.getValue();
      String shown = value instanceof List<?> list ? String.join(", ", strings(list)) : "" + value;
      parts.add(
          switch (entry.getKey()) {
            case "q", "group", "resolution", "source", "series" -> shown;
            default -> entry.getKey() + ": " + shown;
          });
    }
    String summary = String.join(" · ", parts);
    return summary.length() > 200 ? summary.substring(0, 199) + "…" : summary;
  }

  private static List<String> strings(List<?> list) {
    return list.stream().map(String::valueOf).toList();
  }

  private static void put(Map<String, Object> query, String name, @Nullable Object value) {
    if (value != null) {
      query.put(name, value);
    }
  }
}
