package dev.animetracker.search.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one tokeniser of search: documents (tsvector) and queries (tsquery) are both built from its
 * tokens, never by PostgreSQL's text-search parser, so the two always agree whatever the database
 * locale. Text is NFKC-normalised (full-width Latin, half-width kana), lower-cased, {@code ё}
 * folded to {@code е} and Latin accents dropped; every character that is not a letter, digit or
 * combining mark separates words, so brackets, dashes, dots and underscores of release titles split
 * them; numbers lose leading zeros ({@code 05} = {@code 5}). Japanese and Chinese have no spaces:
 * runs of Han, Hiragana and Katakana become overlapping bigrams ({@code 葬送のフリーレン} → {@code 葬送 送の のフ
 * フリ リー ーレ レン}), so any part of two characters or more is found as a phrase.
 */
public final class SearchText {

  /** Longest token kept; longer ones are cut (the same way in documents and queries). */
  public static final int MAX_TOKEN_LENGTH = 64;

  /** Description words indexed (weight D); the rest of a long description is not searchable. */
  public static final int MAX_DESCRIPTION_TOKENS = 1000;

  /**
   * Series title words indexed (weight C): the main title and up to 14 others of 300 characters.
   */
  public static final int MAX_SERIES_TOKENS = 1000;

  /**
   * The weights of a torrent's own text (title A, tags B, description D), i.e. everything of its
   * tsvector but the series titles (C): what {@code ts_filter} keeps when a series' titles change.
   */
  public static final String OWN_WEIGHTS = "{a,b,d}";

  /** Highest position a tsvector stores. */
  private static final int MAX_POSITION = 16_383;

  private static final Pattern SEASON_EPISODE =
      Pattern.compile("\\bs(\\d{1,2}) ?e(\\d{1,4})\\b|\\b(\\d{1,2})x(\\d{2,4})\\b");
  private static final Pattern ABSOLUTE_EPISODE =
      Pattern.compile(
          "(?:\\s[-–—]\\s*|\\b(?:ep|episode|e|серия|эпизод)\\.?\\s*|#)(\\d{1,4})(?:v\\d)?\\b"
              + "|\\b(\\d{1,4})\\s*(?:серия|эпизод)");
  private static final Pattern SEASON =
      Pattern.compile(
          "\\bs(\\d{1,2})\\b|\\bseason\\s*(\\d{1,2})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)\\s+season\\b"
              + "|\\bсезон\\s*(\\d{1,2})\\b|\\b(\\d{1,2})\\s*(?:-?й\\s*)?сезон");

  private SearchText() {}

  /**
   * NUL and other control characters removed, NFKC, lower case, {@code ё}→{@code е}, Latin accents
   * dropped. The result still has its punctuation.
   */
  public static String normalize(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    StringBuilder clean = new StringBuilder(raw.length());
    raw.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                clean.append(' ');
              } else {
                clean.appendCodePoint(cp);
              }
            });
    String text = Normalizer.normalize(clean, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    text = text.replace('ё', 'е');
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    int base = -1;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK
          && base >= 0
          && Character.UnicodeScript.of(base) == Character.UnicodeScript.LATIN) {
        continue;
      }
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        base = cp;
      }
      folded.appendCodePoint(cp);
    }
    return Normalizer.normalize(folded, Normalizer.Form.NFC);
  }

  /** The searchable tokens of a text, in order (CJK runs as bigrams). */
  public static List<String> tokens(@Nullable String raw) {
    return tokensOfNormalized(normalize(raw));
  }

  /** Word runs of a text: letters, digits and combining marks; everything else separates. */
  public static List<String> words(@Nullable String raw) {
    String text = normalize(raw);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        word.appendCodePoint(cp);
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** Tokens of one word run (as returned by {@link #words}): one token, or CJK bigrams. */
  public static List<String> tokensOfWord(String word) {
    List<String> tokens = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    List<Integer> cjk = new ArrayList<>();
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        flushPlain(plain, tokens);
        cjk.add(cp);
      } else {
        flushCjk(cjk, tokens);
        plain.appendCodePoint(cp);
      }
    }
    flushPlain(plain, tokens);
    flushCjk(cjk, tokens);
    return tokens;
  }

  /** Whether a token is made of Han, Hiragana or Katakana (a bigram or a single character). */
  public static boolean isCjkToken(String token) {
    return !token.isEmpty() && token.codePoints().allMatch(SearchText::isCjk);
  }

  /** Whether a token is a number. */
  public static boolean isNumber(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The key titles are sorted by: normalised, whitespace collapsed. */
  public static String sortKey(@Nullable String title) {
    return String.join(" ", words(title));
  }

  /**
   * The tsvector literal of a torrent: title tokens (weight A) plus the release markers of the
   * title, tag names and slugs (B), the first {@value #MAX_DESCRIPTION_TOKENS} description tokens
   * (D). Fields are two positions apart so a phrase never spans two of them.
   */
  public static String tsvector(
      @Nullable String title, List<String> tags, @Nullable String description) {
    StringBuilder out = new StringBuilder();
    int position = 1;
    for (String token : tokens(title)) {
      append(out, token, position++, 'A');
    }
    for (String marker : releaseMarkers(title)) {
      append(out, marker, position, 'A');
    }
    position += 2;
    for (String tag : tags) {
      for (String token : tokens(tag)) {
        append(out, token, position++, 'B');
      }
      position += 2;
    }
    int described = 0;
    for (String token : tokens(description)) {
      if (++described > MAX_DESCRIPTION_TOKENS) {
        break;
      }
      append(out, token, position++, 'D');
    }
    return out.toString();
  }

  /**
   * The tsvector literal of a series' titles (weight C, below the torrent's own title and tags,
   * above its description), appended to the tsvector of each of its torrents with {@code ||}, which
   * shifts these positions past the torrent's own; starting at 3 keeps the two positions apart from
   * them, and titles are two apart from each other, so a phrase spans neither. It starts with the
   * series' {@link #seriesMarker}.
   */
  public static String seriesTsvector(String slug, String title, List<String> alternativeTitles) {
    StringBuilder out = new StringBuilder();
    int position = 3;
    append(out, seriesMarker(slug), position, 'C');
    int indexed = 0;
    List<String> titles = new ArrayList<>();
    titles.add(title);
    titles.addAll(alternativeTitles);
    for (String each : titles) {
      for (String token : tokens(each)) {
        if (++indexed > MAX_SERIES_TOKENS) {
          return out.toString();
        }
        append(out, token, position++, 'C');
      }
      position += 2;
    }
    return out.toString();
  }

  /**
   * The lexeme that marks the torrents of a series, which no query word can produce (it has a dot):
   * a text search narrowed to a series requires it too, so the text index drops the other series'
   * matches before any row is read. Only slug characters are kept ({@code series_slug} decides).
   */
  public static String seriesMarker(String slug) {
    String clean = slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    return "series." + (clean.length() > 100 ? clean.substring(0, 100) : clean);
  }

  /**
   * The tsvector literal of the markers of what a torrent's filters test: its category, release
   * group, resolution and trusted flag. Like {@link #seriesMarker}, no query word produces them (a
   * dot), and a text search narrowed by these filters requires them too, so the text index drops
   * other matches before any row is read; the columns still decide. Weight A at position 1: part of
   * the torrent's own text ({@link #OWN_WEIGHTS}), kept when its series' titles are replaced.
   */
  public static String filterMarkers(
      @Nullable Long categoryId,
      @Nullable String releaseGroup,
      @Nullable String resolution,
      boolean trusted) {
    StringBuilder out = new StringBuilder();
    if (categoryId != null) {
      append(out, categoryMarker(categoryId), 1, 'A');
    }
    if (releaseGroup != null) {
      append(out, groupMarker(releaseGroup), 1, 'A');
    }
    if (resolution != null) {
      append(out, resolutionMarker(resolution), 1, 'A');
    }
    if (trusted) {
      append(out, TRUSTED_MARKER, 1, 'A');
    }
    return out.toString();
  }

  /** Marks the torrents of the trusted accounts (Nyaa's {@code f=2}). */
  public static final String TRUSTED_MARKER = "flag.trusted";

  public static String categoryMarker(long categoryId) {
    return "category." + categoryId;
  }

  /**
   * The marker of a release group: its lower-cased name with every run of characters other than
   * ASCII letters and digits one {@code -} (the same rule the V13 migration applies in SQL), so
   * groups named only in other scripts share one marker, which narrows less but never wrongly.
   */
  public static String groupMarker(String group) {
    return "group." + markerWord(group);
  }

  public static String resolutionMarker(String resolution) {
    return "resolution." + markerWord(resolution);
  }

  private static String markerWord(String value) {
    String clean = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }

  /**
   * Words worth suggesting for a misspelt query word: title and tag tokens of three characters or
   * more without digits (release hashes, resolutions) and not CJK.
   */
  public static Set<String> vocabulary(@Nullable String title, List<String> tags) {
    Set<String> words = new LinkedHashSet<>();
    List<String> all = new ArrayList<>(tokens(title));
    tags.forEach(tag -> all.addAll(tokens(tag)));
    for (String token : all) {
      if (token.length() >= 3
          && token.chars().noneMatch(Character::isDigit)
          && !isCjkToken(token)) {
        words.add(token);
      }
    }
    return words;
  }

  /**
   * Lexemes describing the episode numbering of a release title, which no query word can produce
   * (they contain dots): {@code se.1.5} for S01E05 or 1x05, {@code ep.5} for an absolute "- 05",
   * {@code e.5} for either, {@code s.2} for a season mention ("S2", "Season 2", "2nd Season").
   */
  public static Set<String> releaseMarkers(@Nullable String title) {
    String text = " " + normalize(title).replace('_', ' ') + " ";
    Set<Integer> seasons = new LinkedHashSet<>();
    Matcher season = SEASON.matcher(text);
    while (season.find()) {
      for (int group = 1; group <= season.groupCount(); group++) {
        if (season.group(group) != null) {
          seasons.add(Integer.parseInt(season.group(group)));
          break;
        }
      }
    }
    Set<String> markers = new LinkedHashSet<>();
    Matcher se = SEASON_EPISODE.matcher(text);
    while (se.find()) {
      int s = Integer.parseInt(se.group(1) != null ? se.group(1) : se.group(3));
      int episode = Integer.parseInt(se.group(2) != null ? se.group(2) : se.group(4));
      seasons.add(s);
      markers.add(seasonEpisodeMarker(s, episode));
      markers.add(episodeMarker(episode));
    }
    if (markers.isEmpty()) {
      Matcher absolute = ABSOLUTE_EPISODE.matcher(text);
      while (absolute.find()) {
        String number = absolute.group(1) != null ? absolute.group(1) : absolute.group(2);
        if (number.length() == 4 && (number.startsWith("19") || number.startsWith("20"))) {
          continue;
        }
        int episode = Integer.parseInt(number);
        markers.add(episodeMarker(episode));
        if (seasons.size() == 1) {
          // "Title 2nd Season - 05": episode 5 of that season.
          markers.add(seasonEpisodeMarker(seasons.iterator().next(), episode));
        } else {
          // Absolute numbering: counts as season 1 (or no season) for Torznab.
          markers.add(absoluteMarker(episode));
        }
      }
    }
    seasons.forEach(s -> markers.add(seasonMarker(s)));
    return markers;
  }

  public static String seasonEpisodeMarker(int season, int episode) {
    return "se." + season + "." + episode;
  }

  public static String absoluteMarker(int episode) {
    return "ep." + episode;
  }

  public static String episodeMarker(int episode) {
    return "e." + episode;
  }

  public static String seasonMarker(int season) {
    return "s." + season;
  }

  private static List<String> tokensOfNormalized(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        word.appendCodePoint(cp);
      } else if (!word.isEmpty()) {
        tokens.addAll(tokensOfWord(word.toString()));
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      tokens.addAll(tokensOfWord(word.toString()));
    }
    return tokens;
  }

  private static void flushPlain(StringBuilder plain, List<String> tokens) {
    if (plain.isEmpty()) {
      return;
    }
    String token = plain.toString();
    plain.setLength(0);
    if (isNumber(token)) {
      token = token.replaceFirst("^0+(?=.)", "");
    }
    if (token.codePointCount(0, token.length()) > MAX_TOKEN_LENGTH) {
      token = token.substring(0, token.offsetByCodePoints(0, MAX_TOKEN_LENGTH));
    }
    tokens.add(token);
  }

  private static void flushCjk(List<Integer> cjk, List<String> tokens) {
    if (cjk.isEmpty()) {
      return;
    }
    if (cjk.size() == 1) {
      tokens.add(Character.toString(cjk.getFirst()));
    } else {
      for (int i = 0; i + 1 < cjk.size(); i++) {
        tokens.add(Character.toString(cjk.get(i)) + Character.toString(cjk.get(i + 1)));
      }
    }
    cjk.clear();
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isCjk(int cp) {
    if (cp == 0x30FC || cp == 0x3005) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  private static void append(StringBuilder out, String lexeme, int position, char weight) {
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append('\'')
        .append(lexeme)
        .append("':")
        .append(Math.min(position, MAX_POSITION))
        .append(weight);
  }
}
