package dev.animetracker.torrent.release;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.torrent.core.TorrentFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The release fields an uploader corrected, each checked and normalised: given ones replace the
 * parsed ones ({@link #applyTo}), the others stay as parsed. Read from the upload form (strings,
 * blank = not given) or from the {@code release} object of a PATCH (JSON, {@code null} = clear the
 * field). The field problems use the contract's keys as field names and the codes {@code Type},
 * {@code Size}, {@code Range}, {@code Pattern}, {@code OneOf}, {@code Language} and {@code
 * Invalid}; the gateway's bundles hold their texts.
 */
public final class ReleaseCorrections {

  public static final String GROUP = "group";
  public static final String TITLE = "title";
  public static final String ALTERNATIVE_TITLES = "alternativeTitles";
  public static final String SEASON = "season";
  public static final String EPISODE_FROM = "episodeFrom";
  public static final String EPISODE_TO = "episodeTo";
  public static final String BATCH = "batch";
  public static final String VERSION = "version";
  public static final String RESOLUTION = "resolution";
  public static final String SOURCE = "source";
  public static final String VIDEO_CODEC = "videoCodec";
  public static final String AUDIO_CODEC = "audioCodec";
  public static final String CRC32 = "crc32";
  public static final String SUBTITLE_LANGUAGES = "subtitleLanguages";
  public static final String AUDIO_LANGUAGES = "audioLanguages";

  /** The keys the upload form takes (the release title is the torrent title there). */
  public static final List<String> FORM_KEYS =
      List.of(
          GROUP,
          SEASON,
          EPISODE_FROM,
          EPISODE_TO,
          BATCH,
          VERSION,
          RESOLUTION,
          SOURCE,
          VIDEO_CODEC,
          AUDIO_CODEC,
          CRC32,
          SUBTITLE_LANGUAGES,
          AUDIO_LANGUAGES);

  /** Every key of the release object (PATCH also corrects the series title and its aliases). */
  public static final List<String> KEYS;

  static {
    List<String> keys = new ArrayList<>(FORM_KEYS);
    keys.add(1, TITLE);
    keys.add(2, ALTERNATIVE_TITLES);
    KEYS = List.copyOf(keys);
  }

  public static final int MAX_GROUP = 100;
  public static final int MAX_SEASON = 99;
  public static final int MAX_EPISODE = 9_999;
  public static final int MAX_VERSION = 99;
  public static final int MAX_LANGUAGES = 20;
  public static final int MAX_ALTERNATIVE_TITLES = 10;

  /** Longest raw value read at all: anything longer is refused before it is looked at. */
  static final int MAX_RAW = 1_000;

  private static final Pattern RESOLUTION_FORM = Pattern.compile("(\\d{3,4})p");
  private static final int MIN_LINES = 144;
  private static final int MAX_LINES = 4_320;
  private static final Pattern CRC = Pattern.compile("[0-9A-Fa-f]{8}");
  private static final Pattern INTEGER = Pattern.compile("\\d{1,6}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final List<String> VIDEO_CODECS =
      List.of("HEVC", "AVC", "AV1", "VP9", "XVID", "MPEG2");
  private static final List<String> AUDIO_CODECS =
      List.of("FLAC", "AAC", "OPUS", "AC3", "EAC3", "DTS", "TRUEHD", "MP3", "PCM", "VORBIS");
  private static final Set<String> LANGUAGES = Set.copyOf(Arrays.asList(Locale.getISOLanguages()));

  /** Given keys and their normalised values; a null value clears the field. */
  private final Map<String, @Nullable Object> given;

  private ReleaseCorrections(Map<String, @Nullable Object> given) {
    this.given = given;
  }

  /** No correction at all. */
  public static ReleaseCorrections none() {
    return new ReleaseCorrections(Map.of());
  }

  /**
   * Reads the form fields named by {@link #FORM_KEYS}; a missing or blank field is not given.
   * Problems are added to {@code problems}.
   */
  public static ReleaseCorrections fromForm(
      Map<String, @Nullable String> form, List<FieldProblem> problems) {
    Map<String, @Nullable Object> given = new HashMap<>();
    for (String key : FORM_KEYS) {
      String raw = form.get(key);
      if (raw == null || raw.isBlank()) {
        continue;
      }
      Object value = normalise(key, raw, problems);
      if (value != null) {
        given.put(key, value);
      }
    }
    pairEpisodes(given, problems);
    return new ReleaseCorrections(given);
  }

  /**
   * Reads PATCH's {@code release} object: every key of {@link #KEYS} may be given, {@code null}
   * clears it; numbers and booleans as JSON numbers and booleans (or strings holding them), the
   * language and alternative-title lists as JSON lists (languages also comma-separated). An unknown
   * key is refused, so that a misspelt correction is not silently ignored.
   */
  public static ReleaseCorrections fromJson(JsonNode node, List<FieldProblem> problems) {
    Map<String, @Nullable Object> given = new HashMap<>();
    if (!node.isObject()) {
      problems.add(new FieldProblem("release", "Type", "release must be a JSON object."));
      return none();
    }
    for (String name : node.propertyNames()) {
      if (!KEYS.contains(name)) {
        problems.add(
            new FieldProblem("release", "Unknown", "release has no field \"" + clip(name) + "\"."));
      }
    }
    for (String key : KEYS) {
      if (!node.has(key)) {
        continue;
      }
      JsonNode value = node.get(key);
      if (value.isNull()) {
        given.put(key, null);
        continue;
      }
      String raw;
      if (value.isArray() && (isList(key) || ALTERNATIVE_TITLES.equals(key))) {
        if (value.size() > MAX_LANGUAGES) {
          problems.add(tooMany(key));
          continue;
        }
        List<String> items = new ArrayList<>();
        boolean ok = true;
        for (JsonNode item : value) {
          if (!item.isString()) {
            problems.add(new FieldProblem(key, "Type", key + " must be a list of strings."));
            ok = false;
            break;
          }
          items.add(item.asString());
        }
        if (!ok) {
          continue;
        }
        if (ALTERNATIVE_TITLES.equals(key)) {
          Object titles = alternativeTitles(items, problems);
          if (titles != null) {
            given.put(key, titles);
          }
          continue;
        }
        raw = String.join(",", items);
      } else if (value.isString() || value.isNumber() || value.isBoolean()) {
        raw = value.asString();
      } else {
        problems.add(new FieldProblem(key, "Type", key + " has the wrong type."));
        continue;
      }
      if (raw.isBlank()) {
        given.put(key, isList(key) ? List.of() : null);
        continue;
      }
      Object normalised = normalise(key, raw, problems);
      if (normalised != null) {
        given.put(key, normalised);
      }
    }
    pairEpisodes(given, problems);
    return new ReleaseCorrections(given);
  }

  public boolean isEmpty() {
    return given.isEmpty();
  }

  /** The parsed release with the given fields replaced. */
  @SuppressWarnings("unchecked")
  public ParsedRelease applyTo(ParsedRelease base) {
    if (given.isEmpty()) {
      return base;
    }
    boolean episodesGiven = given.containsKey(EPISODE_FROM);
    Integer from = episodesGiven ? (Integer) given.get(EPISODE_FROM) : base.episodeFrom();
    Integer to = episodesGiven ? (Integer) given.get(EPISODE_TO) : base.episodeTo();
    boolean batch;
    if (given.containsKey(BATCH)) {
      batch = Boolean.TRUE.equals(given.get(BATCH));
    } else if (episodesGiven && from != null) {
      // A corrected range decides what the release is unless the uploader said so too.
      batch = from < to;
    } else {
      batch = base.batch();
    }
    return new ParsedRelease(
        pick(GROUP, base.group()),
        pick(TITLE, base.title()),
        given.containsKey(ALTERNATIVE_TITLES)
            ? orEmpty((List<String>) given.get(ALTERNATIVE_TITLES))
            : base.alternativeTitles(),
        pick(SEASON, base.season()),
        from,
        to,
        batch,
        pick(VERSION, base.version()),
        pick(RESOLUTION, base.resolution()),
        pick(SOURCE, base.source()),
        pick(VIDEO_CODEC, base.videoCodec()),
        pick(AUDIO_CODEC, base.audioCodec()),
        pick(CRC32, base.crc32()),
        given.containsKey(SUBTITLE_LANGUAGES)
            ? orEmpty((List<String>) given.get(SUBTITLE_LANGUAGES))
            : base.subtitleLanguages(),
        given.containsKey(AUDIO_LANGUAGES)
            ? orEmpty((List<String>) given.get(AUDIO_LANGUAGES))
            : base.audioLanguages());
  }

  /**
   * A yes/no form field: {@code true}/{@code on}/{@code 1} or {@code false}/{@code off}/{@code 0}
   * (what checkboxes and scripts send); null when not given, a problem when unreadable.
   */
  public static @Nullable Boolean flag(
      String field, @Nullable String raw, List<FieldProblem> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "1", "yes" -> true;
      case "false", "off", "0", "no" -> false;
      default -> {
        problems.add(new FieldProblem(field, "Type", field + " must be true or false."));
        yield null;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <T> @Nullable T pick(String key, @Nullable T parsed) {
    return given.containsKey(key) ? (T) given.get(key) : parsed;
  }

  private static List<String> orEmpty(@Nullable List<String> list) {
    return list == null ? List.of() : list;
  }

  private static boolean isList(String key) {
    return SUBTITLE_LANGUAGES.equals(key) || AUDIO_LANGUAGES.equals(key);
  }

  /** One field's value, checked and normalised; null (with a problem) when refused. */
  private static @Nullable Object normalise(String key, String raw, List<FieldProblem> problems) {
    if (raw.length() > MAX_RAW) {
      problems.add(new FieldProblem(key, "Size", key + " is too long."));
      return null;
    }
    String value = raw.strip();
    return switch (key) {
      case GROUP -> text(key, value, MAX_GROUP, problems);
      case TITLE -> text(key, value, TorrentFields.MAX_TITLE, problems);
      case ALTERNATIVE_TITLES -> alternativeTitles(List.of(value.split("\\s*/\\s*")), problems);
      case SEASON -> number(key, value, 0, MAX_SEASON, problems);
      case EPISODE_FROM, EPISODE_TO -> number(key, value, 0, MAX_EPISODE, problems);
      case VERSION -> number(key, value, 1, MAX_VERSION, problems);
      case BATCH -> flag(key, value, problems);
      case RESOLUTION -> resolution(value, problems);
      case SOURCE ->
          oneOf(
              key,
              value,
              ParsedRelease.SOURCES,
              problems,
              "source must be one of BD, WEB, TV, DVD.");
      case VIDEO_CODEC ->
          oneOf(key, value, VIDEO_CODECS, problems, "videoCodec must be one of " + VIDEO_CODECS);
      case AUDIO_CODEC ->
          oneOf(key, value, AUDIO_CODECS, problems, "audioCodec must be one of " + AUDIO_CODECS);
      case CRC32 -> crc(value, problems);
      case SUBTITLE_LANGUAGES, AUDIO_LANGUAGES -> languages(key, value, problems);
      default -> throw new IllegalArgumentException(key);
    };
  }

  private static @Nullable String text(
      String key, String value, int max, List<FieldProblem> problems) {
    if (CONTROL.matcher(value).find()) {
      problems.add(new FieldProblem(key, "Invalid", key + " cannot hold control characters."));
      return null;
    }
    if (value.codePointCount(0, value.length()) > max) {
      problems.add(new FieldProblem(key, "Size", key + " is longer than " + max + " characters."));
      return null;
    }
    return value;
  }

  private static @Nullable List<String> alternativeTitles(
      List<String> titles, List<FieldProblem> problems) {
    if (titles.size() > MAX_ALTERNATIVE_TITLES) {
      problems.add(tooMany(ALTERNATIVE_TITLES));
      return null;
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String title : titles) {
      if (title.length() > MAX_RAW) {
        problems.add(new FieldProblem(ALTERNATIVE_TITLES, "Size", "A title is too long."));
        return null;
      }
      String stripped = title.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      String checked = text(ALTERNATIVE_TITLES, stripped, TorrentFields.MAX_TITLE, problems);
      if (checked == null) {
        return null;
      }
      clean.add(checked);
    }
    return List.copyOf(clean);
  }

  private static @Nullable Integer number(
      String key, String value, int min, int max, List<FieldProblem> problems) {
    if (!INTEGER.matcher(value).matches()
        || Integer.parseInt(value) < min
        || Integer.parseInt(value) > max) {
      problems.add(
          new FieldProblem(
              key, "Range", key + " must be a whole number from " + min + " to " + max + "."));
      return null;
    }
    return Integer.parseInt(value);
  }

  private static @Nullable String resolution(String value, List<FieldProblem> problems) {
    String lower = value.toLowerCase(Locale.ROOT);
    if ("4k".equals(lower) || "uhd".equals(lower)) {
      return "2160p";
    }
    var matcher = RESOLUTION_FORM.matcher(lower);
    if (matcher.matches()) {
      int lines = Integer.parseInt(matcher.group(1));
      if (lines >= MIN_LINES && lines <= MAX_LINES) {
        return lines + "p";
      }
    }
    problems.add(
        new FieldProblem(
            RESOLUTION,
            "Pattern",
            "resolution must be written like 1080p (" + MIN_LINES + "p to " + MAX_LINES + "p)."));
    return null;
  }

  private static @Nullable String oneOf(
      String key, String value, List<String> allowed, List<FieldProblem> problems, String message) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (allowed.contains(upper)) {
      return upper;
    }
    problems.add(new FieldProblem(key, "OneOf", message));
    return null;
  }

  private static @Nullable String crc(String value, List<FieldProblem> problems) {
    if (CRC.matcher(value).matches()) {
      return value.toUpperCase(Locale.ROOT);
    }
    problems.add(new FieldProblem(CRC32, "Pattern", "crc32 must be 8 hexadecimal digits."));
    return null;
  }

  private static @Nullable List<String> languages(
      String key, String value, List<FieldProblem> problems) {
    Set<String> codes = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String code = part.strip().toLowerCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      boolean known =
          ParsedRelease.MULTIPLE_LANGUAGES.equals(code)
              || (code.length() == 2 && LANGUAGES.contains(code));
      if (!known) {
        problems.add(
            new FieldProblem(
                key,
                "Language",
                key
                    + " must be ISO 639-1 codes (en, ru, ja…) or multi, separated by commas; \""
                    + clip(part.strip())
                    + "\" is none."));
        return null;
      }
      codes.add(code);
    }
    if (codes.size() > MAX_LANGUAGES) {
      problems.add(tooMany(key));
      return null;
    }
    return List.copyOf(codes);
  }

  /**
   * When only one end of the episode range is given, the other is the same episode; a range whose
   * end lies before its start is refused.
   */
  private static void pairEpisodes(
      Map<String, @Nullable Object> given, List<FieldProblem> problems) {
    boolean hasFrom = given.containsKey(EPISODE_FROM);
    boolean hasTo = given.containsKey(EPISODE_TO);
    if (!hasFrom && !hasTo) {
      return;
    }
    Object from = hasFrom ? given.get(EPISODE_FROM) : given.get(EPISODE_TO);
    Object to = hasTo ? given.get(EPISODE_TO) : given.get(EPISODE_FROM);
    if (from == null || to == null) {
      // One end cleared: no episode is known.
      from = null;
      to = null;
    } else if ((Integer) from > (Integer) to) {
      problems.add(
          new FieldProblem(EPISODE_TO, "Range", "episodeTo cannot come before episodeFrom."));
    }
    given.put(EPISODE_FROM, from);
    given.put(EPISODE_TO, to);
  }

  private static FieldProblem tooMany(String key) {
    return new FieldProblem(key, "Size", key + " holds too many entries.");
  }

  private static String clip(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
