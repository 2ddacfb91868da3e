package dev.animetracker.common.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a release name ({@code [SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv}) and,
 * optionally, the torrent's file list into a {@link ParsedRelease}.
 *
 * <p>The name is split once into bracketed and plain segments; plain text is split into words, and
 * every decision looks at one word and at most a few neighbours, each matched against a pattern
 * anchored to that single word. So the work is linear in the name's length, whatever it contains;
 * names longer than {@link #MAX_NAME} characters are cut there. Instances hold no state: one may be
 * shared by any number of threads. Rules and measured accuracy: docs/releases.md.
 */
public final class ReleaseParser {

  /** Longer names are cut: no real release name comes near it. */
  public static final int MAX_NAME = 1_000;

  /** Only this many paths of a file list are looked at. */
  public static final int MAX_FILES = 10_000;

  private static final Pattern EP_NUM = Pattern.compile("(\\d{1,4})(?:v(\\d{1,2}))?");
  private static final Pattern EP_RANGE =
      Pattern.compile("(\\d{1,4})(?:v\\d{1,2})?[-~](\\d{1,4})(?:v(\\d{1,2}))?");
  private static final Pattern EP_DECIMAL = Pattern.compile("\\d{1,4}\\.\\d");
  private static final Pattern SEASON_EPISODE =
      Pattern.compile(
          "s(\\d{1,2})[._-]?e(\\d{1,4})(?:v(\\d{1,2}))?(?:-(?:s\\d{1,2})?e?(\\d{1,4}))?");
  private static final Pattern SEASON = Pattern.compile("s(\\d{1,2})");
  private static final Pattern EPISODE =
      Pattern.compile("(?:e|ep|#)(\\d{1,4})(?:v(\\d{1,2}))?(?:-(?:e|ep)?(\\d{1,4}))?");
  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)");
  private static final Pattern TV_SEASON = Pattern.compile("(?:tv|тв)-?(\\d{1,2})");
  private static final Pattern JP_EPISODE = Pattern.compile("第(\\d{1,4})[話话集]");
  private static final Pattern VERSION = Pattern.compile("v(\\d{1,2})");
  private static final Pattern SPECIAL =
      Pattern.compile("(?:ova|oad|ona|sp|special|specials|movie|ncop|nced)\\d{0,3}");
  private static final Pattern SOURCE_RESOLUTION =
      Pattern.compile("(bd|bdrip|web|webrip|hdtv|hdtvrip|dvd|dvdrip)(\\d{3,4}p)");
  private static final Pattern YEAR = Pattern.compile("(?:19[3-9]\\d|20[0-4]\\d)");
  private static final Pattern CRC32 = Pattern.compile("[0-9A-Fa-f]{8}");
  private static final Pattern SCENE_CODEC = Pattern.compile("(?i)(?<![a-z])([hx])\\.(26[45])");

  private static final Set<String> DASHES = Set.of("-", "–", "—", "~");
  private static final Set<String> RANGE_JOINERS = Set.of("-", "~", "–", "to", "до");
  private static final Set<String> TOTAL_WORDS = Set.of("из", "of", "/");
  private static final Set<String> EPISODE_WORDS =
      Set.of("ep", "ep.", "eps", "episode", "episodes", "эпизод", "эпизоды", "серия", "серии", "e");
  private static final Set<String> SEASON_WORDS = Set.of("season", "сезон", "saison", "cour");
  private static final Set<String> STRONG_SOURCES =
      Set.of(
          "bd",
          "bdrip",
          "bd-rip",
          "bluray",
          "blu-ray",
          "bdremux",
          "web-dl",
          "webdl",
          "webrip",
          "web-rip",
          "hdtv",
          "hdtvrip",
          "hdtv-rip",
          "tvrip",
          "dvdrip",
          "dvd-rip",
          "dvd",
          "bdmv");
  private static final Set<String> VIDEO_EXTENSIONS =
      Set.of(
          "mkv", "mp4", "avi", "m2ts", "webm", "wmv", "ogm", "rmvb", "flv", "mov", "m4v", "mpg",
          "ts");
  private static final Set<String> SUBTITLE_EXTENSIONS =
      Set.of("ass", "ssa", "srt", "sup", "vtt", "idx", "sub");
  private static final Set<String> AUDIO_EXTENSIONS =
      Set.of("mka", "ac3", "aac", "flac", "dts", "eac3", "opus", "mp3", "wav", "m4a");
  private static final Set<String> NAME_EXTENSIONS =
      Set.of(
          "mkv", "mp4", "avi", "m2ts", "webm", "wmv", "ogm", "rmvb", "flv", "mov", "m4v", "mpg",
          "ts", "torrent");
  private static final Set<String> EXTRAS =
      Set.of(
          "extras",
          "extra",
          "bonus",
          "bonuses",
          "sps",
          "sp",
          "specials",
          "special",
          "menu",
          "menus",
          "nc",
          "ncop",
          "nced",
          "creditless",
          "pv",
          "cm",
          "cms",
          "preview",
          "previews",
          "trailer",
          "trailers",
          "teaser",
          "scans",
          "cds",
          "ost",
          "fonts",
          "бонусы",
          "доп",
          "допы");
  private static final Pattern EXTRA_FILE =
      Pattern.compile("nc(?:op|ed)\\d{0,2}[a-z]?|(?:pv|cm|sp|op|ed)\\d{0,2}|menu\\d{0,2}");

  /** Parses a release name with no file list. */
  public ParsedRelease parse(@Nullable String name) {
    return parse(name, List.of());
  }

  /**
   * Parses a release name and refines it with the torrent's file paths: several video files with
   * episode numbers make a batch with their range; a single video file's name fills what the
   * release name leaves out; subtitle and audio files add their languages.
   */
  public ParsedRelease parse(@Nullable String name, @Nullable List<String> filePaths) {
    Fields fields = parseName(name == null ? "" : name);
    if (filePaths != null && !filePaths.isEmpty()) {
      refineWithFiles(fields, filePaths);
    }
    return fields.build();
  }

  // ---------------------------------------------------------------------------------------------
  // The name

  private record Segment(boolean bracket, char open, String text) {}

  private static Fields parseName(String raw) {
    String name = clean(raw);
    Fields fields = new Fields();
    fields.russian = hasCyrillic(name) || Vocabulary.lower(name).contains("rus(");
    List<Segment> segments = segments(name);
    int i = 0;
    while (i < segments.size() && !segments.get(i).bracket() && segments.get(i).text().isBlank()) {
      i++;
    }
    if (i < segments.size() && segments.get(i).bracket() && segments.get(i).open() == '[') {
      String candidate = segments.get(i).text().strip();
      if (isGroup(candidate, fields.russian)) {
        fields.group = candidate;
        if (Vocabulary.RUSSIAN_GROUPS.contains(Vocabulary.lower(candidate))) {
          fields.russian = true;
        }
        i++;
      }
    }
    for (Segment segment : segments) {
      if (segment.bracket()
          && Vocabulary.RUSSIAN_GROUPS.contains(Vocabulary.lower(segment.text().strip()))) {
        fields.russian = true;
      }
    }

    List<String> titleWords = new ArrayList<>();
    boolean stopped = false;
    for (; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (stopped) {
        if (segment.bracket()) {
          afterTitleBracket(segment, fields);
        } else {
          String text = segment.text().strip();
          if (text.startsWith("|") || text.startsWith("/ ")) {
            // "(BD 1080p Hi10 FLAC) | Beyond the Boundary": an English title after the tags.
            fields.alternatives.add(text.substring(1).strip());
          } else {
            readTail(words(text), 0, false, fields);
            readLanguages(text, fields);
          }
        }
        continue;
      }
      if (!segment.bracket()) {
        List<String> words = words(segment.text());
        boolean lastText = i == segments.size() - 1 || segments.get(i + 1).bracket();
        int cut = titleCut(words, titleWords, lastText, fields);
        if (cut < words.size()) {
          stopped = true;
          readTail(words, cut, true, fields);
          readLanguages(String.join(" ", words.subList(cut, words.size())), fields);
        }
        continue;
      }
      String content = segment.text().strip();
      Fields scratch = new Fields();
      scratch.russian = fields.russian;
      Kind kind = readBracket(content, scratch);
      switch (kind) {
        case GROUP -> {
          if (fields.group == null) {
            fields.group = content;
          }
        }
        case SEASON, YEAR, TYPE, FILLER -> fields.merge(scratch, true);
        case CRC, EPISODE, TAGS -> {
          fields.merge(scratch, true);
          // Tags before any title ("(Hi10)_Gundam_00", "[DVD-Rip] Title 01") do not end it.
          stopped = kind != Kind.TAGS || !titleWords.isEmpty();
        }
        case NONE -> {
          if (titleWords.isEmpty()) {
            titleWords.addAll(words(content));
          } else if (hasLetters(content)) {
            fields.alternatives.add(content);
          }
        }
        default -> throw new IllegalStateException(kind.name());
      }
    }
    fields.setTitle(titleWords);
    return fields;
  }

  /** What a bracket holds. */
  private enum Kind {
    GROUP,
    CRC,
    EPISODE,
    SEASON,
    YEAR,
    TYPE,
    FILLER,
    TAGS,
    NONE
  }

  private static boolean isGroup(String candidate, boolean russian) {
    if (candidate.isEmpty() || candidate.length() > 60 || !hasLetters(candidate)) {
      return false;
    }
    Fields scratch = new Fields();
    scratch.russian = russian;
    Kind kind = readBracket(candidate, scratch);
    return kind == Kind.NONE || kind == Kind.GROUP || kind == Kind.FILLER;
  }

  private static void afterTitleBracket(Segment segment, Fields fields) {
    String content = segment.text().strip();
    Fields scratch = new Fields();
    scratch.russian = fields.russian;
    Kind kind = readBracket(content, scratch);
    if (kind == Kind.GROUP) {
      if (fields.group == null) {
        fields.group = content;
      }
    } else if (kind == Kind.NONE) {
      // A parenthesised phrase after the tags is an English or romaji title (EMBER, Golumpa,
      // Yameii); square brackets there hold voice actors, studios and the like, never titles.
      if (segment.open() == '(' && meaningfulWords(content) >= 2) {
        fields.alternatives.add(content);
      }
    } else {
      fields.merge(scratch, false);
    }
  }

  private static Kind readBracket(String content, Fields into) {
    if (content.isEmpty()) {
      return Kind.FILLER;
    }
    String lower = Vocabulary.lower(content);
    if (Vocabulary.RUSSIAN_GROUPS.contains(lower)) {
      return Kind.GROUP;
    }
    if (content.length() == 8 && CRC32.matcher(content).matches()) {
      into.crc32 = content.toUpperCase(Locale.ROOT);
      return Kind.CRC;
    }
    if (YEAR.matcher(content).matches()) {
      return Kind.YEAR;
    }
    List<String> words = bracketWords(content);
    if (words.isEmpty()) {
      return Kind.FILLER;
    }
    if (allEpisodeWords(words)) {
      readTail(words, 0, true, into);
      if (into.episodeFrom != null) {
        return Kind.EPISODE;
      }
    }
    boolean types = true;
    boolean fillers = true;
    for (String word : words) {
      String w = Vocabulary.lower(word);
      types &= Vocabulary.type(w);
      fillers &= Vocabulary.filler(w) || Vocabulary.type(w);
    }
    if (types) {
      return Kind.TYPE;
    }
    int found = readTail(words, 0, false, into);
    found += readLanguages(content, into);
    if (found > 0) {
      if (into.episodeFrom == null
          && into.resolution == null
          && into.videoCodec == null
          && into.source == null
          && into.audioCodec == null
          && into.version == null
          && !into.batch
          && into.subtitles.isEmpty()
          && into.audio.isEmpty()
          && into.season != null) {
        return Kind.SEASON;
      }
      return into.episodeFrom != null ? Kind.EPISODE : Kind.TAGS;
    }
    return fillers ? Kind.FILLER : Kind.NONE;
  }

  private static boolean allEpisodeWords(List<String> words) {
    for (String word : words) {
      String w = Vocabulary.lower(word);
      if (!(EP_NUM.matcher(w).matches()
          || EP_RANGE.matcher(w).matches()
          || RANGE_JOINERS.contains(w)
          || TOTAL_WORDS.contains(w)
          || EPISODE_WORDS.contains(w)
          || VERSION.matcher(w).matches()
          || EPISODE.matcher(w).matches()
          || w.equals("tv")
          || w.equals("тв"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds where the title ends in a plain segment: returns the index of the first word that is no
   * longer title (words.size() when all of it is). Season markers inside the title are taken out
   * and recorded; the title words are appended to {@code title}.
   */
  private static int titleCut(
      List<String> words, List<String> title, boolean lastText, Fields fields) {
    int n = words.size();
    for (int j = 0; j < n; j++) {
      String w = words.get(j);
      String lw = Vocabulary.lower(w);
      int season = season(words, j, fields);
      if (season > 0) {
        j += season - 1;
        continue;
      }
      if (DASHES.contains(lw) && j + 1 < n) {
        int dashSeason = season(words, j + 1, fields);
        if (dashSeason > 0) {
          j += dashSeason;
          continue;
        }
        if (startsEpisode(Vocabulary.lower(words.get(j + 1)))) {
          return j;
        }
      }
      boolean digits = hasDigit(lw);
      if ((digits && SEASON_EPISODE.matcher(lw).matches())
          || (digits && JP_EPISODE.matcher(lw).matches())
          || (digits && lw.length() > 1 && EPISODE.matcher(lw).matches() && !title.isEmpty())
          || (EPISODE_WORDS.contains(lw) && j + 1 < n && EP_NUM.matcher(words.get(j + 1)).matches())
          || strongTag(lw)
          || (digits && !title.isEmpty() && EP_RANGE.matcher(lw).matches() && !isYearRange(lw))) {
        return j;
      }
      if (digits && lastText && !title.isEmpty() && bareEpisodeAtEnd(words, j)) {
        return j;
      }
      title.add(w);
    }
    return n;
  }

  private static boolean startsEpisode(String lw) {
    return EP_NUM.matcher(lw).matches()
        || EP_RANGE.matcher(lw).matches()
        || EP_DECIMAL.matcher(lw).matches()
        || SEASON_EPISODE.matcher(lw).matches()
        || EPISODE.matcher(lw).matches()
        || EPISODE_WORDS.contains(lw)
        || SPECIAL.matcher(lw).matches()
        || strongTag(lw);
  }

  private static boolean strongTag(String lw) {
    if (lw.length() > Vocabulary.MAX_TOKEN) {
      return false;
    }
    if (STRONG_SOURCES.contains(lw)
        || Vocabulary.resolution(lw) != null
        || Vocabulary.video(lw) != null
        || lw.equals("batch")
        || lw.equals("complete")
        || SOURCE_RESOLUTION.matcher(lw).matches()) {
      return true;
    }
    int hyphen = lw.indexOf('-');
    return hyphen > 0 && Vocabulary.video(lw.substring(0, hyphen)) != null;
  }

  private static boolean isYearRange(String lw) {
    Matcher m = EP_RANGE.matcher(lw);
    return m.matches() && YEAR.matcher(m.group(1)).matches();
  }

  /** A trailing episode number without a dash: {@code Clannad 01}, {@code Title 01-12}. */
  private static boolean bareEpisodeAtEnd(List<String> words, int j) {
    int n = words.size();
    String w = Vocabulary.lower(words.get(j));
    if (j == n - 1) {
      return bareNumber(w) || EP_RANGE.matcher(w).matches();
    }
    if (j != n - 3 || !bareNumber(w) || !RANGE_JOINERS.contains(words.get(j + 1))) {
      return false;
    }
    Matcher to = EP_NUM.matcher(words.get(j + 2));
    if (!to.matches()) {
      return false;
    }
    if (words.get(j + 1).equals("~")) {
      return true;
    }
    // "Title 01 - 12" is a range, but "Gundam 00 - 01" and "Title 86 - 05" are title + episode.
    String from = w.replaceAll("v\\d+$", "");
    int a = Integer.parseInt(from);
    int b = Integer.parseInt(to.group(1));
    return a >= 1 && a < b && from.length() == to.group(1).length();
  }

  /** Two digits, or zero-padded, or with a version: {@code 05}, {@code 012}, {@code 7v2}. */
  private static boolean bareNumber(String w) {
    Matcher m = EP_NUM.matcher(w);
    if (!m.matches() || YEAR.matcher(m.group(1)).matches()) {
      return false;
    }
    String digits = m.group(1);
    return m.group(2) != null
        || digits.length() == 2
        || (digits.length() > 2 && digits.charAt(0) == '0');
  }

  /** Reads a season marker starting at word j; returns how many words it took (0: none). */
  private static int season(List<String> words, int j, Fields fields) {
    String lw = Vocabulary.lower(words.get(j));
    if (lw.length() > Vocabulary.MAX_TOKEN) {
      return 0;
    }
    boolean digits = hasDigit(lw);
    Matcher m = digits ? SEASON.matcher(lw) : null;
    if (m != null && m.matches()) {
      fields.setSeason(m.group(1));
      return 1;
    }
    m = digits ? TV_SEASON.matcher(lw) : null;
    if (m != null && m.matches()) {
      fields.setSeason(m.group(1));
      return 1;
    }
    String next = j + 1 < words.size() ? Vocabulary.lower(words.get(j + 1)) : "";
    if (SEASON_WORDS.contains(lw) && next.length() <= 2 && EP_NUM.matcher(next).matches()) {
      fields.setSeason(next);
      return 2;
    }
    if (SEASON_WORDS.contains(lw) && next.length() <= 5 && EP_RANGE.matcher(next).matches()) {
      // "Season 1-3": several seasons, so no one season number, but surely a batch.
      fields.batch = true;
      return 2;
    }
    if (SEASON_WORDS.contains(next)) {
      m = ORDINAL.matcher(lw);
      if (m.matches()) {
        fields.setSeason(m.group(1));
        return 2;
      }
      if (lw.length() <= 2 && EP_NUM.matcher(lw).matches() && next.equals("сезон")) {
        fields.setSeason(lw);
        return 2;
      }
    }
    return 0;
  }

  /**
   * Reads tags, episodes and seasons from words[start..]; {@code bareFirst} lets the first word be
   * a bare episode number. Returns how many words set something.
   */
  private static int readTail(List<String> words, int start, boolean bareFirst, Fields fields) {
    int found = 0;
    boolean episodeAllowed = bareFirst;
    int n = words.size();
    for (int k = start; k < n; k++) {
      String w = words.get(k);
      String lw = Vocabulary.lower(w);
      if (lw.length() > Vocabulary.MAX_TOKEN) {
        episodeAllowed = false;
        continue;
      }
      if (DASHES.contains(lw) || lw.equals("#")) {
        episodeAllowed = true;
        continue;
      }
      if (EPISODE_WORDS.contains(lw)) {
        episodeAllowed = true;
        continue;
      }
      int season = season(words, k, fields);
      if (season > 0) {
        k += season - 1;
        found++;
        episodeAllowed = false;
        continue;
      }
      if (!hasDigit(lw)) {
        episodeAllowed = false;
        if (tag(lw, fields)) {
          found++;
        } else {
          found += splitTag(w, lw, k == n - 1, fields);
        }
        continue;
      }
      Matcher m = SEASON_EPISODE.matcher(lw);
      if (m.matches()) {
        fields.setSeason(m.group(1));
        fields.setEpisodes(m.group(2), m.group(4));
        fields.setVersion(m.group(3));
        found++;
        episodeAllowed = false;
        continue;
      }
      m = EPISODE.matcher(lw);
      if (m.matches() && lw.length() > 1) {
        fields.setEpisodes(m.group(1), m.group(3));
        fields.setVersion(m.group(2));
        found++;
        episodeAllowed = false;
        continue;
      }
      m = JP_EPISODE.matcher(lw);
      if (m.matches()) {
        fields.setEpisodes(m.group(1), null);
        found++;
        continue;
      }
      m = EP_RANGE.matcher(lw);
      if (m.matches() && fields.episodeFrom == null && !YEAR.matcher(m.group(1)).matches()) {
        fields.setEpisodes(m.group(1), m.group(2));
        fields.setVersion(m.group(3));
        k = skipTotal(words, k);
        found++;
        episodeAllowed = false;
        continue;
      }
      m = EP_NUM.matcher(lw);
      if (m.matches()) {
        if (episodeAllowed && fields.episodeFrom == null && !YEAR.matcher(m.group(1)).matches()) {
          String to = null;
          if (k + 2 < n
              && RANGE_JOINERS.contains(Vocabulary.lower(words.get(k + 1)))
              && EP_NUM.matcher(words.get(k + 2)).matches()) {
            Matcher last = EP_NUM.matcher(words.get(k + 2));
            if (last.matches()) {
              to = last.group(1);
              fields.setVersion(last.group(2));
            }
            k += 2;
          }
          fields.setEpisodes(m.group(1), to);
          fields.setVersion(m.group(2));
          k = skipTotal(words, k);
          found++;
        }
        episodeAllowed = false;
        continue;
      }
      episodeAllowed = false;
      m = VERSION.matcher(lw);
      if (m.matches()) {
        fields.setVersion(m.group(1));
        found++;
        continue;
      }
      if (tag(lw, fields)) {
        found++;
        continue;
      }
      found += splitTag(w, lw, k == n - 1, fields);
    }
    return found;
  }

  /** A hyphenated word whose parts are tags: HEVC-x265, h264-1080p, or x264-GROUP at the end. */
  private static int splitTag(String w, String lw, boolean last, Fields fields) {
    int hyphen = lw.lastIndexOf('-');
    if (hyphen <= 0 || hyphen >= lw.length() - 1) {
      return 0;
    }
    boolean left = tag(lw.substring(0, hyphen), fields);
    String rightWord = w.substring(hyphen + 1);
    boolean right = tag(Vocabulary.lower(rightWord), fields);
    if (left) {
      // Scene names end in "-GROUP" after the last tag: x264-VARYG, WEB-DL.AAC2.0.H.264-NTb.
      if (!right
          && last
          && fields.group == null
          && !Vocabulary.filler(Vocabulary.lower(rightWord))
          && hasLetters(rightWord)) {
        fields.group = rightWord;
      }
      return 1;
    }
    if (right) {
      return 1;
    }
    int found = 0;
    for (String part : lw.split("-", 8)) {
      if (tag(part, fields)) {
        found++;
      }
    }
    return found;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Skips an "of 12" / "из 12" after an episode number or range. */
  private static int skipTotal(List<String> words, int k) {
    if (k + 2 < words.size()
        && TOTAL_WORDS.contains(Vocabulary.lower(words.get(k + 1)))
        && EP_NUM.matcher(words.get(k + 2)).matches()) {
      return k + 2;
    }
    return k;
  }

  /** One technical word: resolution, source, codecs, batch; true when it set (or is) a tag. */
  private static boolean tag(String lw, Fields fields) {
    if (lw.isEmpty() || lw.length() > Vocabulary.MAX_TOKEN) {
      return false;
    }
    String value = Vocabulary.resolution(lw);
    if (value != null) {
      fields.resolution = fields.resolution == null ? value : fields.resolution;
      return true;
    }
    Matcher combined = SOURCE_RESOLUTION.matcher(lw);
    if (hasDigit(lw) && combined.matches()) {
      tag(combined.group(1), fields);
      tag(combined.group(2), fields);
      return true;
    }
    value = Vocabulary.video(lw);
    if (value != null) {
      fields.videoCodec = fields.videoCodec == null ? value : fields.videoCodec;
      return true;
    }
    value = Vocabulary.source(lw);
    if (value != null) {
      fields.source = fields.source == null ? value : fields.source;
      if (lw.equals("bd-box") || lw.equals("bdbox")) {
        fields.batch = true;
      }
      return true;
    }
    value = Vocabulary.audio(lw);
    if (value != null) {
      fields.audioCodec = fields.audioCodec == null ? value : fields.audioCodec;
      return true;
    }
    if (Vocabulary.batch(lw)) {
      fields.batch = true;
      return true;
    }
    return Vocabulary.technical(lw);
  }

  // ---------------------------------------------------------------------------------------------
  // Languages

  /**
   * Reads subtitle and audio languages from one bracket or tail. A language next to a subtitle word
   * (Eng Sub, Sub(Rus, Eng)) is the subtitles'; next to an audio word (English Dub, RUS(int)) the
   * audio's; "+" separates tracks (JAP+Sub: Japanese audio plus subtitles). A bare language is the
   * subtitles', except Japanese (audio) and, in a Russian release, Russian (the voice-over). A bare
   * "Sub" in a Russian release means Russian subtitles. Returns how many languages it found.
   */
  private static int readLanguages(String content, Fields fields) {
    List<String> t = languageTokens(content);
    int n = t.size();
    int found = 0;
    boolean inSubtitleList = false;
    // A track list (RUS(int), ENG, JAP+Sub; RUS + JAP) names audio tracks; its subtitles follow
    // "+".
    boolean trackList = t.contains("+");
    for (int i = 0; i + 2 < n && !trackList; i++) {
      trackList =
          t.get(i + 1).equals("(")
              && Vocabulary.language(t.get(i)) != null
              && Vocabulary.AUDIO_QUALIFIERS.contains(t.get(i + 2));
    }
    for (int i = 0; i < n; i++) {
      String w = t.get(i);
      String prev = i > 0 ? t.get(i - 1) : "";
      String next = i + 1 < n ? t.get(i + 1) : "";
      if (w.equals("(")) {
        inSubtitleList = Vocabulary.SUBTITLE_WORDS.contains(prev);
        continue;
      }
      if (w.equals(")")) {
        inSubtitleList = false;
        continue;
      }
      if (w.equals("multi") || w.equals("multiple") || w.equals("mult")) {
        if (Vocabulary.SUBTITLE_WORDS.contains(next)) {
          fields.subtitles.add(ParsedRelease.MULTIPLE_LANGUAGES);
          i++;
        } else {
          fields.audio.add(ParsedRelease.MULTIPLE_LANGUAGES);
          if (Vocabulary.AUDIO_WORDS.contains(next)) {
            i++;
          }
        }
        found++;
        continue;
      }
      if (w.equals("multisub") || w.equals("multisubs") || w.equals("multsub")) {
        fields.subtitles.add(ParsedRelease.MULTIPLE_LANGUAGES);
        found++;
        continue;
      }
      if (w.equals("multiaudio")) {
        fields.audio.add(ParsedRelease.MULTIPLE_LANGUAGES);
        found++;
        continue;
      }
      if ((w.equals("dual") && next.equals("audio")) || w.equals("dualaudio")) {
        fields.audio.add("ja");
        fields.audio.add("en");
        i += w.equals("dual") ? 1 : 0;
        found++;
        continue;
      }
      if (w.equals("vostfr")) {
        fields.subtitles.add("fr");
        found++;
        continue;
      }
      if (Vocabulary.RUSSIAN_VOICE.contains(w)) {
        fields.audio.add("ru");
        found++;
        continue;
      }
      if (w.indexOf('简') >= 0 || w.indexOf('繁') >= 0) {
        fields.subtitles.add("zh");
        if (w.indexOf('日') >= 0) {
          fields.subtitles.add("ja");
        }
        found++;
        continue;
      }
      String compound = Vocabulary.languageCompound(w);
      if (compound != null) {
        (compound.startsWith("a:") ? fields.audio : fields.subtitles).add(compound.substring(2));
        found++;
        continue;
      }
      String language = Vocabulary.language(w);
      if (language == null) {
        if (Vocabulary.SUBTITLE_WORDS.contains(w)
            && !next.equals("(")
            && Vocabulary.language(prev) == null
            && Vocabulary.language(next) == null
            && fields.russian) {
          fields.subtitles.add("ru");
          found++;
        }
        continue;
      }
      if (next.equals("br") || next.equals("la") || next.equals("419")) {
        i++;
        next = i + 1 < n ? t.get(i + 1) : "";
      }
      found++;
      if (next.equals("(") && i + 2 < n && Vocabulary.AUDIO_QUALIFIERS.contains(t.get(i + 2))) {
        fields.audio.add(language);
      } else if (inSubtitleList
          || Vocabulary.SUBTITLE_WORDS.contains(next)
          || Vocabulary.SUBTITLE_WORDS.contains(prev)) {
        fields.subtitles.add(language);
      } else if (Vocabulary.AUDIO_WORDS.contains(next) || Vocabulary.AUDIO_WORDS.contains(prev)) {
        fields.audio.add(language);
      } else if (trackList || language.equals("ja") || (fields.russian && language.equals("ru"))) {
        fields.audio.add(language);
      } else {
        fields.subtitles.add(language);
      }
    }
    return found;
  }

  /** Lower-case words; "+", "(" and ")" are kept as tokens of their own. */
  private static List<String> languageTokens(String content) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = Vocabulary.lower(content);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
        continue;
      }
      if (!word.isEmpty()) {
        tokens.add(word.toString());
        word.setLength(0);
      }
      if (c == '+' || c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
      }
    }
    if (!word.isEmpty()) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  // ---------------------------------------------------------------------------------------------
  // The file list

  private static void refineWithFiles(Fields fields, List<String> filePaths) {
    TreeSet<Integer> episodes = new TreeSet<>();
    Fields firstVideo = null;
    int videos = 0;
    int limit = Math.min(filePaths.size(), MAX_FILES);
    for (int f = 0; f < limit; f++) {
      String path = filePaths.get(f);
      if (path == null || path.isBlank()) {
        continue;
      }
      String normalised = path.length() > 4 * MAX_NAME ? path.substring(0, 4 * MAX_NAME) : path;
      normalised = normalised.replace('\\', '/');
      int slash = normalised.lastIndexOf('/');
      String base = normalised.substring(slash + 1);
      String folders = slash < 0 ? "" : normalised.substring(0, slash);
      int dot = base.lastIndexOf('.');
      String extension = dot < 0 ? "" : Vocabulary.lower(base.substring(dot + 1));
      if (VIDEO_EXTENSIONS.contains(extension)) {
        if (isExtra(folders, base.substring(0, dot))) {
          continue;
        }
        Fields file = parseName(base);
        videos++;
        if (firstVideo == null) {
          firstVideo = file;
        }
        if (file.episodeFrom != null && file.episodeTo != null) {
          episodes.add(file.episodeFrom);
          episodes.add(file.episodeTo);
        }
      } else if (SUBTITLE_EXTENSIONS.contains(extension)) {
        fileLanguages(folders, base.substring(0, dot), fields.subtitles);
      } else if (AUDIO_EXTENSIONS.contains(extension)) {
        fileLanguages(folders, base.substring(0, dot), fields.audio);
      }
    }
    if (episodes.size() >= 2) {
      fields.batch = true;
      if (fields.episodeFrom == null || fields.episodeFrom.equals(fields.episodeTo)) {
        fields.episodeFrom = episodes.first();
        fields.episodeTo = episodes.last();
      }
    }
    if (firstVideo != null) {
      if (videos == 1) {
        fields.merge(firstVideo, true);
        fields.fillTitle(firstVideo);
      } else {
        firstVideo.episodeFrom = null;
        firstVideo.episodeTo = null;
        firstVideo.crc32 = null;
        firstVideo.version = null;
        // The files of a pack are often another group's encode (a tracker release of SubsPlease
        // files): their group is not the release's.
        fields.merge(firstVideo, false);
      }
    }
  }

  private static boolean isExtra(String folders, String base) {
    for (String folder : folders.split("/")) {
      List<String> words = splitFileWords(folder);
      if (!words.isEmpty() && EXTRAS.contains(words.get(0))) {
        return true; // "Extras", "SPs", "NC", "Menu (BD)", "CDs"
      }
    }
    for (String word : splitFileWords(base)) {
      if (word.equals("creditless") || EXTRA_FILE.matcher(word).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Languages of a side file: its name's last dotted part ({@code Title.rus.ass}, {@code
   * Title.en.ass}) or its folders' words ({@code RUS Subs/}, {@code Sound/Rus/}).
   */
  private static void fileLanguages(String folders, String base, Set<String> into) {
    int dot = base.lastIndexOf('.');
    if (dot >= 0) {
      String suffix = Vocabulary.lower(base.substring(dot + 1));
      String code = suffix.length() == 2 ? iso639(suffix) : Vocabulary.language(suffix);
      if (code != null) {
        into.add(code);
        return;
      }
    }
    List<String> baseWords = splitFileWords(base);
    if (!baseWords.isEmpty()) {
      String code = Vocabulary.language(baseWords.get(baseWords.size() - 1));
      if (code != null) {
        into.add(code);
        return;
      }
    }
    for (String word : splitFileWords(folders)) {
      String code = Vocabulary.language(word);
      if (code != null) {
        into.add(code);
        return;
      }
    }
  }

  private static final Set<String> ISO_639_1 =
      Set.of(
          "en", "ru", "ja", "de", "fr", "es", "pt", "it", "ar", "zh", "ko", "pl", "tr", "uk", "vi",
          "th", "id", "ms", "hi", "nl", "sv", "cs", "hu", "he", "el", "fi", "ro");

  private static @Nullable String iso639(String code) {
    return ISO_639_1.contains(code) ? code : null;
  }

  private static List<String> splitFileWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = Vocabulary.lower(text);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
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

  // ---------------------------------------------------------------------------------------------
  // Text helpers

  /**
   * Cuts to {@link #MAX_NAME}, drops the file extension and decorations, and turns "_" (and, in
   * dotted scene names, ".") into spaces.
   */
  static String clean(String raw) {
    String s = raw.strip();
    if (s.length() > MAX_NAME) {
      s = s.substring(0, MAX_NAME);
    }
    int dot = s.lastIndexOf('.');
    if (dot > 0 && s.length() - dot <= 8) {
      if (NAME_EXTENSIONS.contains(Vocabulary.lower(s.substring(dot + 1)))) {
        s = s.substring(0, dot);
      }
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '【', '［' -> out.append('[');
        case '】', '］' -> out.append(']');
        case '（' -> out.append('(');
        case '）' -> out.append(')');
        case '\t', '\n', '\r', '\u00a0', '\u3000' -> out.append(' ');
        case '★', '☆' -> {
          // ★04月新番★: a season banner between stars, not part of any field.
          int close = -1;
          for (int j = i + 1; j < s.length() && j <= i + 40; j++) {
            if (s.charAt(j) == c) {
              close = j;
              break;
            }
          }
          if (close > 0) {
            i = close;
          }
          out.append(' ');
        }
        default -> out.append(c);
      }
    }
    s = out.toString();
    if (s.indexOf(' ') < 0 || s.contains("_-_")) {
      if (s.indexOf('_') >= 0) {
        s = s.replace('_', ' ');
      } else if (s.indexOf('.') >= 0) {
        s = sceneDots(s);
      }
    }
    return collapseSpaces(s);
  }

  /**
   * Dots become spaces except in audio channel counts (AAC2.0, DDP5.1, 5.1): one digit, a dot, one
   * digit. S01E05.1080p splits, since "05" is two digits.
   */
  private static String sceneDots(String s) {
    String t = SCENE_CODEC.matcher(s).replaceAll("$1$2");
    int n = t.length();
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      boolean channels =
          c == '.'
              && i > 0
              && i + 1 < n
              && Character.isDigit(t.charAt(i - 1))
              && (i < 2 || !Character.isDigit(t.charAt(i - 2)))
              && Character.isDigit(t.charAt(i + 1))
              && (i + 2 >= n || !Character.isDigit(t.charAt(i + 2)));
      out.append(c == '.' && !channels ? ' ' : c);
    }
    return out.toString();
  }

  private static String collapseSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (!space) {
          out.append(' ');
        }
        space = true;
      } else {
        out.append(c);
        space = false;
      }
    }
    return out.toString().strip();
  }

  /**
   * Splits into plain and bracketed segments; brackets are matched first (one stack per kind), so
   * an unclosed bracket is plain text and no position is looked at twice.
   */
  private static List<Segment> segments(String s) {
    int n = s.length();
    int[] close = new int[n];
    int[][] stacks = new int[3][n];
    int[] depth = new int[3];
    for (int i = 0; i < n; i++) {
      int kind = "[({".indexOf(s.charAt(i));
      if (kind >= 0) {
        stacks[kind][depth[kind]++] = i;
        continue;
      }
      kind = "])}".indexOf(s.charAt(i));
      if (kind >= 0 && depth[kind] > 0) {
        close[stacks[kind][--depth[kind]]] = i;
      }
    }
    List<Segment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (close[i] > i) {
        if (!text.isEmpty()) {
          segments.add(new Segment(false, ' ', text.toString()));
          text.setLength(0);
        }
        segments.add(new Segment(true, c, s.substring(i + 1, close[i])));
        i = close[i];
      } else {
        text.append(c);
      }
    }
    if (!text.isEmpty()) {
      segments.add(new Segment(false, ' ', text.toString()));
    }
    return segments;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split(" ")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** Words of a bracket: split on spaces, "_", ",", "+", "|" and "/". */
  private static List<String> bracketWords(String content) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == ' ' || c == '_' || c == ',' || c == '+' || c == '|' || c == ';') {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private static boolean hasLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCyrillic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0400' && c <= '\u04ff') {
        return true;
      }
    }
    return false;
  }

  private static int meaningfulWords(String content) {
    int count = 0;
    for (String word : words(content)) {
      if (hasLetters(word) && !Vocabulary.filler(Vocabulary.lower(word))) {
        count++;
      }
    }
    return count;
  }

  // ---------------------------------------------------------------------------------------------

  /** Mutable fields while one name is read; first value found wins. */
  private static final class Fields {
    @Nullable String group;
    @Nullable String title;
    final Set<String> alternatives = new LinkedHashSet<>();
    @Nullable Integer season;
    @Nullable Integer episodeFrom;
    @Nullable Integer episodeTo;
    boolean batch;
    @Nullable Integer version;
    @Nullable String resolution;
    @Nullable String source;
    @Nullable String videoCodec;
    @Nullable String audioCodec;
    @Nullable String crc32;
    final Set<String> subtitles = new LinkedHashSet<>();
    final Set<String> audio = new LinkedHashSet<>();
    boolean russian;

    void setSeason(String digits) {
      if (season == null) {
        season = Integer.parseInt(digits);
      }
    }

    void setEpisodes(String from, @Nullable String to) {
      if (episodeFrom != null) {
        return;
      }
      int a = Integer.parseInt(from);
      int b = to == null ? a : Integer.parseInt(to);
      episodeFrom = Math.min(a, b);
      episodeTo = Math.max(a, b);
    }

    void setVersion(@Nullable String digits) {
      if (digits != null && version == null) {
        version = Integer.parseInt(digits);
      }
    }

    void setTitle(List<String> words) {
      List<List<String>> parts = new ArrayList<>();
      parts.add(new ArrayList<>());
      for (String word : words) {
        if (word.equals("/") || word.equals("|")) {
          parts.add(new ArrayList<>());
        } else {
          parts.get(parts.size() - 1).add(word);
        }
      }
      List<String> titles = new ArrayList<>();
      for (List<String> part : parts) {
        int last = part.size() - 1;
        if (last > 0 && YEAR.matcher(part.get(last)).matches()) {
          part.remove(last); // Cowboy.Bebop.1998.S01: the year of a scene name is no part of it
        }
        String text = trimSeparators(String.join(" ", part));
        if (!text.isEmpty()) {
          titles.add(text);
        }
      }
      if (!titles.isEmpty()) {
        title = titles.get(0);
        Set<String> alternativesInOrder = new LinkedHashSet<>(titles.subList(1, titles.size()));
        alternativesInOrder.addAll(alternatives);
        alternatives.clear();
        alternatives.addAll(alternativesInOrder);
      }
    }

    void fillTitle(Fields other) {
      if (title == null) {
        title = other.title;
        alternatives.addAll(other.alternatives);
      }
    }

    /** Fills what is still unknown from {@code other}; languages are added. */
    void merge(Fields other, boolean includeGroup) {
      if (includeGroup && group == null) {
        group = other.group;
      }
      season = season == null ? other.season : season;
      if (episodeFrom == null) {
        episodeFrom = other.episodeFrom;
        episodeTo = other.episodeTo;
      }
      batch |= other.batch;
      version = version == null ? other.version : version;
      resolution = resolution == null ? other.resolution : resolution;
      source = source == null ? other.source : source;
      videoCodec = videoCodec == null ? other.videoCodec : videoCodec;
      audioCodec = audioCodec == null ? other.audioCodec : audioCodec;
      crc32 = crc32 == null ? other.crc32 : crc32;
      subtitles.addAll(other.subtitles);
      audio.addAll(other.audio);
    }

    ParsedRelease build() {
      boolean isBatch =
          batch
              || (episodeFrom != null && episodeTo != null && episodeTo > episodeFrom)
              || (season != null && episodeFrom == null);
      List<String> alternativeTitles = new ArrayList<>();
      for (String alternative : alternatives) {
        String text = trimSeparators(alternative);
        if (!text.isEmpty() && !text.equals(title)) {
          alternativeTitles.add(text);
        }
      }
      return new ParsedRelease(
          group,
          title,
          alternativeTitles,
          season,
          episodeFrom,
          episodeTo,
          isBatch,
          version,
          resolution,
          source,
          videoCodec,
          audioCodec,
          crc32,
          new ArrayList<>(subtitles),
          new ArrayList<>(audio));
    }
  }

  private static String trimSeparators(String text) {
    int start = 0;
    int end = text.length();
    String separators = " -~_:,|/–—";
    while (start < end && separators.indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && separators.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(start, end);
  }
}
