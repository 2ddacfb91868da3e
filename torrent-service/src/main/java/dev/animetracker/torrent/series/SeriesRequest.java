package dev.animetracker.torrent.series;

import dev.animetracker.torrent.web.Problems;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/series} and {@code PATCH /api/series/{slug}}, read from the JSON
 * tree: a given key replaces the field, {@code null} clears it (the main title cannot be cleared),
 * a missing key leaves it alone; inside {@code titles} the same holds per language. Every bad field
 * is reported at once as 400 {@code validation-failed}, field names as the JSON paths ({@code
 * titles.english}), codes {@code Type}, {@code NotBlank}, {@code Size}, {@code Invalid}, {@code
 * Range} and {@code Unknown}.
 */
final class SeriesRequest {

  /** Longest title, in code points. */
  static final int MAX_TITLE = 300;

  static final int MAX_SYNONYMS = 10;

  /** Largest database id accepted (AniList, MyAnimeList and AniDB ids are far below). */
  static final int MAX_ID = 2_000_000_000;

  static final String TITLE = "title";
  static final String TITLES = "titles";
  static final String SYNONYMS = "synonyms";
  static final List<String> LANGUAGES = List.of("romaji", "english", "russian", "japanese");
  static final List<String> IDS = List.of("anilistId", "malId", "anidbId");
  private static final List<String> KEYS =
      List.of(TITLE, TITLES, SYNONYMS, "anilistId", "malId", "anidbId");

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  /** Longest raw string looked at; longer ones are refused unread. */
  private static final int MAX_RAW = 4 * MAX_TITLE;

  private final @Nullable String title;
  private final Map<String, @Nullable String> titles;
  private final @Nullable List<String> synonyms;
  private final Map<String, @Nullable Integer> ids;

  private SeriesRequest(
      @Nullable String title,
      Map<String, @Nullable String> titles,
      @Nullable List<String> synonyms,
      Map<String, @Nullable Integer> ids) {
    this.title = title;
    this.titles = titles;
    this.synonyms = synonyms;
    this.ids = ids;
  }

  /** Reads and checks a body; {@code creating} requires the title. */
  static SeriesRequest read(@Nullable JsonNode body, boolean creating) {
    if (body == null || !body.isObject()) {
      throw Problems.validation("body", "Type", "Send a JSON object.");
    }
    Problems.Errors errors = new Problems.Errors();
    for (String name : body.propertyNames()) {
      if (!KEYS.contains(name)) {
        errors.add("body", "Unknown", "A series has no field \"" + clip(name) + "\".");
      }
    }
    String title = null;
    JsonNode titleNode = body.get(TITLE);
    if (titleNode == null ? creating : titleNode.isNull()) {
      errors.add(TITLE, "NotBlank", "A series needs a title.");
    } else if (titleNode != null) {
      title = title(TITLE, titleNode, errors);
      if (title == null && titleNode.isString() && titleNode.asString().isBlank()) {
        errors.add(TITLE, "NotBlank", "A series needs a title.");
      }
    }
    Map<String, @Nullable String> titles = new HashMap<>();
    JsonNode titlesNode = body.get(TITLES);
    if (titlesNode != null) {
      if (titlesNode.isNull()) {
        LANGUAGES.forEach(language -> titles.put(language, null));
      } else if (!titlesNode.isObject()) {
        errors.add(
            TITLES, "Type", "titles must be an object of romaji, english, russian, japanese.");
      } else {
        for (String name : titlesNode.propertyNames()) {
          if (!LANGUAGES.contains(name)) {
            errors.add(TITLES, "Unknown", "titles has no language \"" + clip(name) + "\".");
          }
        }
        for (String language : LANGUAGES) {
          if (titlesNode.has(language)) {
            titles.put(language, title(TITLES + "." + language, titlesNode.get(language), errors));
          }
        }
      }
    }
    List<String> synonyms = null;
    JsonNode synonymsNode = body.get(SYNONYMS);
    if (synonymsNode != null) {
      synonyms = synonyms(synonymsNode, errors);
    }
    Map<String, @Nullable Integer> ids = new HashMap<>();
    for (String field : IDS) {
      JsonNode node = body.get(field);
      if (node == null) {
        continue;
      }
      if (node.isNull()) {
        ids.put(field, null);
      } else if (!node.isIntegralNumber()
          || !node.canConvertToLong()
          || node.asLong() < 1
          || node.asLong() > MAX_ID) {
        errors.add(field, "Range", field + " must be a whole number from 1 to " + MAX_ID + ".");
      } else {
        ids.put(field, (int) node.asLong());
      }
    }
    errors.throwIfAny();
    return new SeriesRequest(title, titles, synonyms, ids);
  }

  /** A new series (id, slug and times are the caller's) with the given fields. */
  Series create(long id, String slug, Instant now, long createdBy) {
    Series blank =
        new Series(
            id, slug, "", Series.Titles.NONE, List.of(), null, null, null, 1, now, now, createdBy);
    return applyTo(blank);
  }

  /** {@code base} with the given fields replaced. */
  Series applyTo(Series base) {
    Series.Titles old = base.titles();
    Series.Titles newTitles =
        new Series.Titles(
            pick(titles, "romaji", old.romaji()),
            pick(titles, "english", old.english()),
            pick(titles, "russian", old.russian()),
            pick(titles, "japanese", old.japanese()));
    return new Series(
        base.id(),
        base.slug(),
        title != null ? title : base.title(),
        newTitles,
        synonyms != null ? synonyms : base.synonyms(),
        pick(ids, "anilistId", base.anilistId()),
        pick(ids, "malId", base.malId()),
        pick(ids, "anidbId", base.anidbId()),
        base.version(),
        base.createdAt(),
        base.updatedAt(),
        base.createdBy());
  }

  /** The main title given, or null (the slug of a new series comes from it). */
  @Nullable String title() {
    return title;
  }

  private static <T> @Nullable T pick(Map<String, @Nullable T> given, String key, @Nullable T old) {
    return given.containsKey(key) ? given.get(key) : old;
  }

  /** A checked title: stripped; null for JSON null or a blank string (= clear), or a problem. */
  private static @Nullable String title(String field, JsonNode node, Problems.Errors errors) {
    if (node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      errors.add(field, "Type", field + " must be a string.");
      return null;
    }
    return checked(field, node.asString(), errors);
  }

  private static @Nullable String checked(String field, String raw, Problems.Errors errors) {
    if (raw.length() > MAX_RAW) {
      errors.add(field, "Size", field + " is longer than " + MAX_TITLE + " characters.");
      return null;
    }
    String value = raw.strip();
    if (value.isEmpty()) {
      return null;
    }
    if (CONTROL.matcher(value).find()) {
      errors.add(field, "Invalid", field + " cannot hold control characters.");
      return null;
    }
    if (value.codePointCount(0, value.length()) > MAX_TITLE) {
      errors.add(field, "Size", field + " is longer than " + MAX_TITLE + " characters.");
      return null;
    }
    if (SeriesTitles.key(value).isEmpty()) {
      errors.add(field, "Invalid", field + " must hold a letter or a digit.");
      return null;
    }
    return value;
  }

  private static @Nullable List<String> synonyms(JsonNode node, Problems.Errors errors) {
    if (node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      errors.add(SYNONYMS, "Type", "synonyms must be a list of strings.");
      return null;
    }
    if (node.size() > MAX_SYNONYMS) {
      errors.add(SYNONYMS, "Size", "synonyms holds more than " + MAX_SYNONYMS + " titles.");
      return null;
    }
    Set<String> clean = new LinkedHashSet<>();
    for (JsonNode item : node) {
      if (!item.isString()) {
        errors.add(SYNONYMS, "Type", "synonyms must be a list of strings.");
        return null;
      }
      if (item.asString().isBlank()) {
        continue;
      }
      String value = checked(SYNONYMS, item.asString(), errors);
      if (value == null) {
        return null;
      }
      clean.add(value);
    }
    return List.copyOf(clean);
  }

  private static String clip(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
