package dev.animetracker.common.release;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words release names use for technical fields and languages, each looked up as one lower-case
 * token. Patterns here match single tokens only (at most {@link #MAX_TOKEN} characters), so no
 * lookup can backtrack over a whole title.
 */
final class Vocabulary {

  /** Longer tokens are never technical words; skipping them keeps every lookup bounded. */
  static final int MAX_TOKEN = 48;

  private static final Map<String, String> SOURCES = new HashMap<>();
  private static final Map<String, String> VIDEO = new HashMap<>();
  private static final Map<String, String> AUDIO = new HashMap<>();
  private static final Map<String, String> LANGUAGES = new HashMap<>();

  /**
   * Tokens that are technical but set no field (bit depth, container): a bracket of them is tags.
   */
  private static final Set<String> TECHNICAL =
      Set.of(
          "10bit",
          "10bits",
          "10-bit",
          "8bit",
          "8bits",
          "8-bit",
          "12bit",
          "ma10p",
          "main10",
          "hi444pp",
          "yuv420p10",
          "hdr",
          "hdr10",
          "sdr",
          "dovi",
          "vfr",
          "60fps",
          "mkv",
          "mp4",
          "avi",
          "remux",
          "repack",
          "proper",
          "2ch",
          "6ch",
          "5.1",
          "2.0",
          "7.1",
          "chapters",
          "iso",
          "raw",
          "uncensored",
          "uncen",
          "hardsub",
          "softsub");

  /**
   * Words that set nothing and prove nothing: a bracket of only these is neither tags nor a title
   * ({@code (Weekly)}, {@code [END]}).
   */
  private static final Set<String> FILLER =
      Set.of(
          "weekly",
          "end",
          "fin",
          "final",
          "censored",
          "ver",
          "ver.",
          "bit",
          "bits",
          "raws",
          "rip",
          "dl",
          "x",
          "cut",
          "director's",
          "edition",
          "remastered",
          "version",
          "repack",
          "mka",
          "dual",
          "multi",
          "sub",
          "subs",
          "dub",
          "the");

  /** Release-type words: {@code [TV]}, {@code (Movie)}, {@code [OVA]}, {@code [ТВ]}. */
  private static final Set<String> TYPES =
      Set.of(
          "tv",
          "тв",
          "movie",
          "movies",
          "film",
          "фильм",
          "ova",
          "oav",
          "oad",
          "ona",
          "special",
          "specials",
          "sp",
          "sps",
          "tv+ova",
          "tv+sp",
          "ova+tv",
          "series",
          "сериал",
          "спешл",
          "ова");

  /** Words that mark a whole-season or multi-episode release. */
  private static final Set<String> BATCH =
      Set.of("batch", "complete", "bd-box", "bdbox", "box", "season-pack", "pack");

  /** Words that say a language is the subtitles'. */
  static final Set<String> SUBTITLE_WORDS =
      Set.of(
          "sub",
          "subs",
          "subbed",
          "subtitle",
          "subtitles",
          "subtitled",
          "softsub",
          "softsubs",
          "hardsub",
          "hardsubs",
          "субтитры",
          "сабы",
          "саб");

  /** Words that say a language is the audio's. */
  static final Set<String> AUDIO_WORDS =
      Set.of(
          "dub",
          "dubbed",
          "dubs",
          "audio",
          "voice",
          "voiceover",
          "озвучка",
          "звук",
          "дубляж",
          "fandub");

  /** Parenthesised qualifiers after a language that make it an audio track: RUS(int), ENG(ext). */
  static final Set<String> AUDIO_QUALIFIERS =
      Set.of("int", "ext", "dvo", "mvo", "avo", "vo", "l1", "l2", "dub");

  /** Russian words for a voiced-over (dubbed) release. */
  static final Set<String> RUSSIAN_VOICE =
      Set.of(
          "озвучка",
          "озвучкой",
          "многоголосая",
          "одноголосая",
          "двухголосая",
          "закадровая",
          "дубляж",
          "mvo",
          "dvo",
          "avo");

  /** Russian dub and fansub teams: they mark a Russian release and may stand anywhere. */
  static final Set<String> RUSSIAN_GROUPS =
      Set.of(
          "anilibria",
          "anilibria.tv",
          "anilibria tv",
          "anidub",
          "shiza",
          "shiza project",
          "animevost",
          "animevost.org",
          "dreamcast",
          "anistar",
          "animedia",
          "jam club",
          "studio band",
          "sovetromantica",
          "animaunt",
          "anifilm",
          "aniplay",
          "amazing dubbing",
          "persona99");

  private static final Pattern RESOLUTION_P = Pattern.compile("(\\d{3,4})[pi](?:\\d{2})?");
  private static final Pattern RESOLUTION_WXH = Pattern.compile("(\\d{3,4})[x×](\\d{3,4})p?");
  private static final Pattern AUDIO_TOKEN =
      Pattern.compile(
          "(?:\\d{1,2}x?)?(flac|aac|he-aac|opus|ac3|ac-3|eac3|e-ac3|e-ac-3|ddp|dd\\+|dd|dts-hdma"
              + "|dts-hd|dts|truehd|mp3|lpcm|pcm|vorbis)(?:x\\d)?(?:\\d\\.\\d)?");
  private static final Pattern LANGUAGE_SUB =
      Pattern.compile("([a-z]{2,3})(subs?|dubs?|sub\\(s\\))");

  static {
    put(
        SOURCES,
        ParsedRelease.SOURCE_BD,
        "bd",
        "bdrip",
        "bd-rip",
        "bluray",
        "blu-ray",
        "bdremux",
        "bd-remux",
        "bdmv",
        "bd-box",
        "bdbox",
        "brrip",
        "bd-iso",
        "bdiso",
        "uhd-bd",
        "uhdbd",
        "bd-disc");
    put(
        SOURCES,
        ParsedRelease.SOURCE_WEB,
        "web",
        "web-dl",
        "webdl",
        "webrip",
        "web-rip",
        "webdlrip",
        "web-dlrip",
        "cr",
        "crunchyroll",
        "amzn",
        "amazon",
        "nf",
        "netflix",
        "dsnp",
        "disney+",
        "hidive",
        "hidi",
        "funimation",
        "funi",
        "adn",
        "b-global",
        "bilibili",
        "baha",
        "abema",
        "u-next",
        "viki",
        "wakanim",
        "iqiyi",
        "youtube",
        "hulu",
        "vrv",
        "crunchyrollrip",
        "funidub");
    put(
        SOURCES,
        ParsedRelease.SOURCE_TV,
        "hdtv",
        "hdtvrip",
        "hdtv-rip",
        "tvrip",
        "tv-rip",
        "dtv",
        "satrip",
        "ts",
        "at-x",
        "atx",
        "tx",
        "mx",
        "bs11",
        "bs4",
        "bs-tbs",
        "bs-fuji",
        "cx",
        "nhk",
        "nhkg",
        "nhke",
        "fuji",
        "tbs",
        "thk",
        "tvk",
        "ytv",
        "mbs",
        "tvo",
        "ntv",
        "kbs",
        "ktv",
        "tvs",
        "tokyo-mx",
        "tbc",
        "hbc",
        "tv-tokyo",
        "hdtv-1080p",
        "hdtv-720p");
    put(
        SOURCES,
        ParsedRelease.SOURCE_DVD,
        "dvd",
        "dvdrip",
        "dvd-rip",
        "dvdremux",
        "dvd-remux",
        "r2j",
        "r1",
        "r2",
        "dvd5",
        "dvd9",
        "dvdiso",
        "dvd-iso");
    put(VIDEO, "AVC", "x264", "h264", "h.264", "avc", "hi10", "hi10p", "x.264", "h-264");
    put(VIDEO, "HEVC", "x265", "h265", "h.265", "hevc", "x.265", "h-265", "hevc2");
    put(VIDEO, "AV1", "av1", "svt-av1");
    put(VIDEO, "VP9", "vp9");
    put(VIDEO, "XVID", "xvid", "divx");
    put(VIDEO, "MPEG2", "mpeg2", "mpeg-2");
    put(AUDIO, "FLAC", "flac");
    put(AUDIO, "AAC", "aac", "he-aac");
    put(AUDIO, "OPUS", "opus");
    put(AUDIO, "AC3", "ac3", "ac-3", "dd");
    put(AUDIO, "EAC3", "eac3", "e-ac3", "e-ac-3", "ddp", "dd+");
    put(AUDIO, "DTS", "dts", "dts-hd", "dts-hdma");
    put(AUDIO, "TRUEHD", "truehd");
    put(AUDIO, "MP3", "mp3");
    put(AUDIO, "PCM", "pcm", "lpcm");
    put(AUDIO, "VORBIS", "vorbis");
    put(LANGUAGES, "en", "eng", "english", "en", "англ", "английский", "английские", "anglais");
    put(LANGUAGES, "ru", "rus", "russian", "ru", "рус", "русский", "русские", "русская", "russe");
    put(LANGUAGES, "ja", "jap", "jpn", "jp", "ja", "japanese", "яп", "японский", "японская");
    put(LANGUAGES, "de", "ger", "deu", "german", "deutsch");
    put(LANGUAGES, "fr", "fre", "fra", "french", "francais", "français");
    put(LANGUAGES, "es", "spa", "spanish", "esp", "español", "espanol", "latino");
    put(LANGUAGES, "pt", "por", "portuguese", "ptbr", "pt-br", "porbr", "por-br", "portugues");
    put(LANGUAGES, "it", "ita", "italian", "italiano");
    put(LANGUAGES, "ar", "ara", "arabic");
    put(LANGUAGES, "zh", "chi", "chs", "cht", "zho", "chinese", "big5", "gb", "简体", "繁体", "简中");
    put(LANGUAGES, "ko", "kor", "korean");
    put(LANGUAGES, "pl", "pol", "polish");
    put(LANGUAGES, "tr", "tur", "turkish");
    put(LANGUAGES, "uk", "ukr", "ukrainian", "укр", "украинский");
    put(LANGUAGES, "vi", "vie", "vietnamese");
    put(LANGUAGES, "th", "tha", "thai");
    put(LANGUAGES, "id", "ind", "indonesian");
    put(LANGUAGES, "ms", "msa", "malay");
    put(LANGUAGES, "hi", "hin", "hindi");
    put(LANGUAGES, "nl", "dut", "nld", "dutch");
    put(LANGUAGES, "sv", "swe", "swedish");
    put(LANGUAGES, "cs", "cze", "ces", "czech");
    put(LANGUAGES, "hu", "hun", "hungarian");
    put(LANGUAGES, "he", "heb", "hebrew");
    put(LANGUAGES, "el", "gre", "ell", "greek");
    put(LANGUAGES, "fi", "finnish"); // not "fin": it ends a series ([01-24 Fin])
    put(LANGUAGES, "ro", "rum", "ron", "romanian");
  }

  private Vocabulary() {}

  private static void put(Map<String, String> map, String value, String... keys) {
    for (String key : keys) {
      map.put(key, value);
    }
  }

  static @Nullable String source(String token) {
    return SOURCES.get(token);
  }

  static @Nullable String video(String token) {
    return VIDEO.get(token);
  }

  static @Nullable String audio(String token) {
    String direct = AUDIO.get(token);
    if (direct != null || token.length() > 16 || token.length() < 3) {
      return direct;
    }
    Matcher m = AUDIO_TOKEN.matcher(token);
    return m.matches() ? AUDIO.get(m.group(1)) : null;
  }

  static boolean batch(String token) {
    return BATCH.contains(token);
  }

  static boolean technical(String token) {
    return TECHNICAL.contains(token);
  }

  static boolean filler(String token) {
    return FILLER.contains(token);
  }

  static boolean type(String token) {
    return TYPES.contains(token);
  }

  /** ISO 639-1 code of a language word, or null. */
  static @Nullable String language(String token) {
    return LANGUAGES.get(token);
  }

  /**
   * A language glued to "sub" or "dub" ({@code EngSub}, {@code RusSubs}): returns "s:xx" or "a:xx"
   * for the subtitles' or the audio's language, or null.
   */
  static @Nullable String languageCompound(String token) {
    if (token.length() > 12) {
      return null;
    }
    Matcher m = LANGUAGE_SUB.matcher(token);
    if (!m.matches()) {
      return null;
    }
    String code = LANGUAGES.get(m.group(1));
    if (code == null && m.group(1).length() == 2) {
      // RuSub, EnSub: two-letter prefixes that are not words on their own.
      code = LANGUAGES.get(m.group(1) + "s");
      code = code == null ? null : m.group(1);
    }
    if (code == null) {
      return null;
    }
    return (m.group(2).startsWith("d") ? "a:" : "s:") + code;
  }

  /** Normalised resolution ({@code 1080p}) of a token, or null. */
  static @Nullable String resolution(String token) {
    if (token.length() > 12 || token.isEmpty()) {
      return null;
    }
    char first = token.charAt(0);
    if (first < '0' || first > '9') {
      return switch (token) {
        case "uhd" -> "2160p";
        case "fhd" -> "1080p";
        default -> null;
      };
    }
    switch (token) {
      case "4k", "uhd", "2160" -> {
        return "2160p";
      }
      case "fhd" -> {
        return "1080p";
      }
      default -> {}
    }
    Matcher p = RESOLUTION_P.matcher(token);
    if (p.matches()) {
      int height = Integer.parseInt(p.group(1));
      return height >= 240 && height <= 4320 ? height + "p" : null;
    }
    Matcher wxh = RESOLUTION_WXH.matcher(token);
    if (wxh.matches()) {
      return fromDimensions(Integer.parseInt(wxh.group(1)), Integer.parseInt(wxh.group(2)));
    }
    return null;
  }

  /**
   * Standard heights are kept; a cropped or odd height (1920x800, 1916x1076) is named after the
   * width's class, since the picture was mastered at that width.
   */
  private static @Nullable String fromDimensions(int width, int height) {
    if (width < 320 || height < 200 || width > 8000 || height > 5000) {
      return null;
    }
    switch (height) {
      case 360, 480, 540, 576, 720, 1080, 1440, 2160 -> {
        return height + "p";
      }
      default -> {}
    }
    if (width >= 3800) {
      return "2160p";
    }
    if (width >= 2500) {
      return "1440p";
    }
    if (width >= 1900) {
      return "1080p";
    }
    if (width >= 1260) {
      return "720p";
    }
    if (width >= 1000) {
      return "576p";
    }
    return "480p";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
