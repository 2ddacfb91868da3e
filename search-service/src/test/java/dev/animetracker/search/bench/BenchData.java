package dev.animetracker.search.bench;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.search.text.SearchText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates a realistic read model straight into PostgreSQL with COPY: anime release titles in
 * Latin, Cyrillic and Japanese with groups, episodes, resolutions and codecs; categories, tags,
 * sizes, a long-tailed (Pareto) seeders distribution; Zipf-popular shows. Deterministic (fixed
 * seed). Secondary indexes are dropped during the load and rebuilt from their own definitions.
 */
final class BenchData {

  private static final Logger log = LoggerFactory.getLogger(BenchData.class);

  /** A word that only every 100 000th torrent carries: the "rare word" of the mix. */
  static final String RARE_WORD = "Hinamatsuri";

  private static final String[] ROMAJI = {
    "Sousou",
    "no",
    "Frieren",
    "Shingeki",
    "Kyojin",
    "Kimetsu",
    "Yaiba",
    "Jujutsu",
    "Kaisen",
    "Boku",
    "Hero",
    "Academia",
    "Spy",
    "Family",
    "Chainsaw",
    "Man",
    "Bocchi",
    "the",
    "Rock",
    "Oshi",
    "Ko",
    "Kusuriya",
    "Hitorigoto",
    "Dungeon",
    "Meshi",
    "Mushoku",
    "Tensei",
    "Zero",
    "Kara",
    "Hajimeru",
    "Isekai",
    "Seikatsu",
    "Vinland",
    "Saga",
    "Made",
    "in",
    "Abyss",
    "Mob",
    "Psycho",
    "One",
    "Punch",
    "Steins",
    "Gate",
    "Cowboy",
    "Bebop",
    "Naruto",
    "Shippuden",
    "Bleach",
    "Sennen",
    "Kessen",
    "Gintama",
    "Haikyuu",
    "Kaguya",
    "sama",
    "Love",
    "is",
    "War",
    "Horimiya",
    "Tokyo",
    "Ghoul",
    "Revengers",
    "Sono",
    "Bisque",
    "Doll",
    "wa",
    "Koi",
    "wo",
    "Suru",
    "Lycoris",
    "Recoil",
    "Blue",
    "Lock",
    "Mashle",
    "Tengoku",
    "Daimakyou",
    "Yofukashi",
    "Uta",
    "Kaiju",
    "Dandadan",
    "Ore",
    "dake",
    "Level",
    "Up",
    "na",
    "Ken",
    "Solo",
    "Leveling",
    "Apothecary",
    "Diaries",
    "Alya",
    "Hides",
    "Her",
    "Feelings",
    "Shikanoko",
    "Makeine",
    "Medalist",
    "Hibike",
    "Euphonium",
    "Yuru",
    "Camp",
    "Kobayashi",
    "Maid",
    "Dragon",
    "Violet",
    "Evergarden",
    "Hyouka",
    "Clannad",
    "Toradora",
    "Akame",
    "Kill",
    "Sword",
    "Art",
    "Online",
    "Magia",
    "Record",
    "Girls",
    "Band",
    "Cry",
    "Sakamoto",
    "Days",
    "Kingdom",
    "Golden",
    "Kamuy"
  };
  private static final String[] CYRILLIC = {
    "Провожающая",
    "в",
    "последний",
    "путь",
    "Фрирен",
    "Атака",
    "титанов",
    "Клинок",
    "рассекающий",
    "демонов",
    "Магическая",
    "битва",
    "Моя",
    "геройская",
    "академия",
    "Семья",
    "шпиона",
    "Человек",
    "бензопила",
    "Одинокий",
    "рокер",
    "Звёздное",
    "дитя",
    "Монолог",
    "фармацевта",
    "Подземелье",
    "вкусностей",
    "Реинкарнация",
    "безработного",
    "Жизнь",
    "альтернативном",
    "мире",
    "с",
    "нуля",
    "Сага",
    "о",
    "Винланде",
    "Созданный",
    "бездне",
    "Ванпанчмен",
    "Врата",
    "Штейна",
    "Ковбой",
    "Бибоп",
    "Наруто",
    "Блич",
    "Гинтама",
    "Волейбол",
    "Госпожа",
    "Кагуя",
    "Токийский",
    "гуль",
    "Мстители",
    "Фарфоровая",
    "кукла",
    "Синяя",
    "тюрьма",
    "Магия",
    "и",
    "мускулы",
    "Небесные",
    "чертоги",
    "Песнь",
    "ночных",
    "сов",
    "Кайдзю",
    "номер",
    "восемь",
    "Поднятие",
    "уровня",
    "одиночку",
    "Аля",
    "кокетничает",
    "по-русски",
    "Медалистка",
    "Золотое",
    "божество",
    "Королевство",
    "Девушки",
    "группы"
  };
  private static final String[] JAPANESE = {
    "葬送のフリーレン",
    "進撃の巨人",
    "鬼滅の刃",
    "呪術廻戦",
    "僕のヒーローアカデミア",
    "スパイファミリー",
    "チェンソーマン",
    "ぼっち・ざ・ろっく",
    "推しの子",
    "薬屋のひとりごと",
    "ダンジョン飯",
    "無職転生",
    "ヴィンランド・サガ",
    "メイドインアビス",
    "モブサイコ",
    "ワンパンマン",
    "シュタインズ・ゲート",
    "カウボーイビバップ",
    "ナルト",
    "ブリーチ",
    "銀魂",
    "ハイキュー",
    "かぐや様は告らせたい",
    "ホリミヤ",
    "東京喰種",
    "東京リベンジャーズ",
    "その着せ替え人形は恋をする",
    "リコリス・リコイル",
    "ブルーロック",
    "マッシュル",
    "天国大魔境",
    "よふかしのうた",
    "怪獣8号",
    "ダンダダン",
    "俺だけレベルアップな件",
    "しかのこのこのここしたんたん",
    "負けヒロインが多すぎる",
    "メダリスト",
    "響け！ユーフォニアム",
    "ゆるキャン△",
    "魔法少女",
    "学園",
    "異世界",
    "転生",
    "勇者",
    "魔王",
    "青春",
    "物語",
    "恋愛",
    "日常"
  };
  private static final String[] GROUPS = {
    "SubsPlease",
    "Erai-raws",
    "HorribleSubs",
    "Anilibria",
    "AniDub",
    "Judas",
    "EMBER",
    "ASW",
    "Yameii",
    "Ohys-Raws",
    "Leopard-Raws",
    "DKB",
    "Kawaiika-Raws",
    "Shiniori",
    "YakuboEncodes",
    "LostYears",
    "Commie",
    "GJM",
    "Doki",
    "FFF",
    "Coalgirls",
    "Beatrice-Raws",
    "SweetSub",
    "StudioBand",
    "Dream Cast",
    "SHIZA Project",
    "JAM CLUB",
    "AniMedia",
    "Kansai",
    "NC-Raws"
  };
  private static final String[] RESOLUTIONS = {"1080p", "1080p", "1080p", "720p", "480p", "2160p"};
  private static final String[] CODECS = {"x264", "x265", "HEVC", "AV1", "HEVC 10bit", "H.264"};
  private static final String[] SOURCES = {"WEB-DL", "WEBRip", "BDRip", "BD", "TV", "DVDRip"};
  private static final String[] AUDIO = {"AAC", "FLAC", "Opus", "AC3", "DTS"};

  /** Subtitle markers as releases write them (none on most), for the {@code subs} filter. */
  private static final String[] SUBTITLES = {
    "", "", " [RUS Sub]", " [ENG Sub]", " [Multi-Subs]", " [RusSub]"
  };

  private static final String[] TAGS = {
    "action",
    "adventure",
    "comedy",
    "drama",
    "fantasy",
    "isekai",
    "romance",
    "sci-fi",
    "slice-of-life",
    "sports",
    "mystery",
    "horror",
    "mecha",
    "music",
    "school",
    "shounen",
    "shoujo",
    "seinen",
    "josei",
    "psychological",
    "supernatural",
    "thriller",
    "historical",
    "military",
    "magic",
    "demons",
    "vampires",
    "idols",
    "cooking",
    "martial-arts",
    "space",
    "time-travel",
    "harem",
    "reverse-harem",
    "ecchi",
    "parody",
    "samurai",
    "super-power",
    "police",
    "game",
    "cgdct",
    "iyashikei",
    "tragedy",
    "survival",
    "post-apocalyptic",
    "cyberpunk",
    "steampunk",
    "detective",
    "gore",
    "mahou-shoujo",
    "dub",
    "sub",
    "raw",
    "batch",
    "bd",
    "web",
    "ongoing",
    "complete",
    "ova",
    "movie",
    "special",
    "ost",
    "manga",
    "light-novel",
    "hentai-free",
    "4k",
    "hdr",
    "dolby",
    "russian-voice",
    "english-sub"
  };

  /** Categories of torrent-service's first migration: id, slug, ru, en, weight. */
  static final Object[][] CATEGORIES = {
    {1L, "anime-rus-subs", "Аниме: русские субтитры", "Anime: Russian subtitles", 25},
    {2L, "anime-rus-voice", "Аниме: русская озвучка", "Anime: Russian voice-over", 25},
    {3L, "anime-eng", "Аниме: английский перевод", "Anime: English-translated", 25},
    {4L, "anime-raw", "Аниме: без перевода (RAW)", "Anime: raw", 10},
    {5L, "music-ost", "Музыка и саундтреки", "Music and OST", 5},
    {6L, "manga", "Манга", "Manga", 5},
    {7L, "live-action", "Игровое кино и дорамы", "Live action", 3},
    {8L, "other", "Другое", "Other", 2}
  };

  private record Show(String latin, String russian, String japanese) {}

  /**
   * What the generator writes, recorded on the table: a benchmark finding another version
   * regenerates the data instead of timing searches on rows without the fields they filter on.
   */
  static final String VERSION =
      "bench-data 3: release fields, flags, subtitle languages, series, filter markers";

  private final Random random = new Random(20_240_501L);
  private final ReleaseParser parser = new ReleaseParser();
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * English words of the series' alternative titles, found in no torrent title: a search for one
   * finds torrents by their series' titles alone.
   */
  static final String[] ENGLISH = {
    "Journey",
    "Beyond",
    "Slayer",
    "Titan",
    "Sorcery",
    "Delicious",
    "Jobless",
    "Reincarnation",
    "Lonely",
    "Devil",
    "Hunter",
    "Starting",
    "Another",
    "World",
    "Attack",
    "Spirited",
    "Wandering",
    "Witch"
  };

  /** The slug of show {@code index}'s series. */
  static String seriesSlug(int index) {
    return "show-" + index;
  }

  /**
   * Series titles and membership draw from their own generator, so the torrents themselves stay the
   * same as before series existed (comparable figures).
   */
  private final Random seriesRandom = new Random(20_261_203L);

  private final List<String> englishTitles = new ArrayList<>();

  /** {@code BENCH_SERIES=false}: the same torrents without series, for a baseline. */
  private final boolean withSeries = !"false".equals(System.getenv("BENCH_SERIES"));

  private final List<Show> shows = new ArrayList<>();
  private final List<String> uploaders = new ArrayList<>();

  BenchData() {
    for (int i = 0; i < 3000; i++) {
      shows.add(
          new Show(
              words(ROMAJI, 2 + random.nextInt(3)),
              words(CYRILLIC, 2 + random.nextInt(3)),
              JAPANESE[random.nextInt(JAPANESE.length)]
                  + (random.nextInt(3) == 0 ? JAPANESE[random.nextInt(JAPANESE.length)] : "")));
    }
    for (int i = 0; i < shows.size(); i++) {
      List<String> english = new ArrayList<>();
      for (int w = 0; w < 2 + seriesRandom.nextInt(3); w++) {
        english.add(ENGLISH[seriesRandom.nextInt(ENGLISH.length)]);
      }
      englishTitles.add(String.join(" ", english));
    }
    for (int i = 0; i < 5000; i++) {
      uploaders.add(ROMAJI[random.nextInt(ROMAJI.length)].toLowerCase(Locale.ROOT) + "_" + i);
    }
  }

  /** Loads {@code rows} torrents into an empty, migrated read model. */
  void load(Connection connection, int rows) throws SQLException {
    connection.setAutoCommit(true);
    List<String> indexes = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.execute("set maintenance_work_mem = '1GB'");
      statement.execute(
          "truncate torrent_doc, category, comment_count, search_word, live_count, series");
      try (var rs =
          statement.executeQuery(
              "select indexname, indexdef from pg_indexes where tablename = 'torrent_doc'"
                  + " and indexname <> 'torrent_doc_pkey'")) {
        while (rs.next()) {
          indexes.add(rs.getString(2));
        }
      }
      for (String definition : indexes) {
        String name = definition.split(" ")[definition.startsWith("CREATE UNIQUE") ? 3 : 2];
        statement.execute("drop index " + name);
      }
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    StringBuilder categories = new StringBuilder();
    for (Object[] c : CATEGORIES) {
      categories.append(c[0]).append('\t').append(c[1]).append('\t').append(c[2]).append('\t');
      categories.append(c[3]).append('\n');
    }
    copy(copy, "copy category (id, slug, name_ru, name_en) from stdin", categories.toString());
    StringBuilder series = new StringBuilder();
    for (int i = 0; i < shows.size(); i++) {
      Show show = shows.get(i);
      List<String> alternatives = List.of(englishTitles.get(i), show.russian(), show.japanese());
      series.append(seriesSlug(i)).append('\t').append(text(show.latin())).append('\t');
      series.append(text(array(alternatives))).append("\t1\t2025-06-01T00:00:00Z\t");
      series
          .append(text(SearchText.seriesTsvector(seriesSlug(i), show.latin(), alternatives)))
          .append('\n');
    }
    copy(
        copy,
        "copy series (slug, title, alternative_titles, version, updated_at, tsv) from stdin",
        series.toString());

    Set<String> vocabulary = new HashSet<>();
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    long span = ChronoUnit.SECONDS.between(start, Instant.parse("2025-06-01T00:00:00Z"));
    int batch = 50_000;
    StringBuilder docs = new StringBuilder();
    StringBuilder comments = new StringBuilder();
    for (int i = 1; i <= rows; i++) {
      appendRow(docs, comments, vocabulary, i, start.plusSeconds(span * i / rows));
      if (i % batch == 0 || i == rows) {
        copy(copy, COPY_DOCS, docs.toString());
        copy(
            copy,
            "copy comment_count (torrent_id, comments, occurred_at) from stdin",
            comments.toString());
        docs.setLength(0);
        comments.setLength(0);
        if (i % 200_000 == 0) {
          log.info("Generated {} torrents", i);
        }
      }
    }
    StringBuilder words = new StringBuilder();
    vocabulary.forEach(word -> words.append(text(word)).append('\n'));
    copy(copy, "copy search_word (word) from stdin", words.toString());
    log.info("Rebuilding {} indexes", indexes.size());
    try (Statement statement = connection.createStatement()) {
      for (String definition : indexes) {
        statement.execute(definition);
      }
      statement.execute("vacuum analyze torrent_doc");
      statement.execute("vacuum analyze search_word");
      statement.execute("vacuum analyze comment_count");
      statement.execute("analyze category");
      statement.execute("analyze live_count");
      statement.execute("comment on table torrent_doc is '" + VERSION + "'");
    }
  }

  private static final String COPY_DOCS =
      "copy torrent_doc (info_hash, id, info_hash_v2, title, title_sort, description, category_id,"
          + " tag_slugs, tag_names, uploader_id, uploader_username, size, file_count, created_at,"
          + " updated_at, version, deleted, tsv, seeders, leechers, completed, stats_observed_at,"
          + " downloads, release, release_group, resolution, source, season, episode_from,"
          + " episode_to, batch, subtitle_langs, audio_langs, trusted, remake, complete,"
          + " series_slug, series_title) from stdin";

  private void appendRow(
      StringBuilder out,
      StringBuilder comments,
      Set<String> vocabulary,
      int id,
      Instant createdAt) {
    int showIndex = zipf(shows.size());
    Show show = shows.get(showIndex);
    long category = category();
    // Most releases belong to their show's series; music and "other" seldom do.
    boolean inSeries =
        seriesRandom.nextInt(10) < (category == 5 || category == 8 ? 2 : 8) && withSeries;
    String title = title(show, category, id);
    List<String> tags = new ArrayList<>();
    int tagCount = random.nextInt(6);
    for (int t = 0; t < tagCount; t++) {
      String tag = TAGS[zipf(TAGS.length)];
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    String description =
        "Release of "
            + show.latin()
            + " / "
            + show.russian()
            + ". Видео: "
            + RESOLUTIONS[random.nextInt(RESOLUTIONS.length)]
            + ", аудио: "
            + AUDIO[random.nextInt(AUDIO.length)]
            + ". Subtitles by "
            + GROUPS[random.nextInt(GROUPS.length)]
            + ".";
    List<String> tagTexts = new ArrayList<>();
    tags.forEach(
        tag -> {
          tagTexts.add(tag);
          tagTexts.add(tag);
        });
    vocabulary.addAll(SearchText.vocabulary(title, tags));
    boolean hybrid = random.nextInt(10) == 0;
    String hash = hex(20);
    String v2 = hybrid ? hex(32) : null;
    // Pareto seeders: most swarms are tiny, a few are huge.
    double u = random.nextDouble();
    int seeders = (int) Math.min(50_000, Math.floor(Math.pow(1 - u, -1 / 1.2) - 1));
    int leechers = (int) (seeders * random.nextDouble() * 0.4);
    long completed = (long) (seeders * (2 + random.nextDouble() * 30));
    long downloads = (long) (completed * (0.5 + random.nextDouble()));
    long size = size(category, title);
    int uploaderIndex = zipf(uploaders.size());
    String uploader = uploaders.get(uploaderIndex);
    String created = createdAt.toString();
    out.append(hash).append('\t').append(id).append('\t').append(v2 == null ? "\\N" : v2);
    out.append('\t').append(text(title)).append('\t').append(text(SearchText.sortKey(title)));
    out.append('\t').append(text(description)).append('\t').append(category);
    out.append('\t').append(text(array(tags))).append('\t').append(text(array(tags)));
    out.append('\t').append(uploaderIndex + 1).append('\t').append(text(uploader));
    out.append('\t').append(size).append('\t').append(1 + random.nextInt(24));
    out.append('\t').append(created).append('\t').append(created).append('\t').append(1);
    ParsedRelease release = parser.parse(title);
    // One uploader in ten is trusted (Nyaa's trusted groups are few but upload much).
    boolean trusted = uploaderIndex % 10 == 0;
    String tsv =
        SearchText.tsvector(title, tagTexts, description)
            + " "
            + SearchText.filterMarkers(category, release.group(), release.resolution(), trusted);
    if (inSeries) {
      List<String> alternatives =
          List.of(englishTitles.get(showIndex), show.russian(), show.japanese());
      vocabulary.addAll(SearchText.vocabulary(null, alternatives));
      tsv =
          concat(tsv, SearchText.seriesTsvector(seriesSlug(showIndex), show.latin(), alternatives));
    }
    out.append("\tf\t").append(text(tsv));
    out.append('\t').append(seeders).append('\t').append(leechers).append('\t').append(completed);
    out.append('\t').append(created).append('\t').append(downloads);
    appendRelease(out, release, trusted);
    if (inSeries) {
      out.append('\t').append(seriesSlug(showIndex)).append('\t').append(text(show.latin()));
    } else {
      out.append("\t\\N\t\\N");
    }
    out.append('\n');
    if (random.nextInt(10) == 0) {
      comments.append(id).append('\t').append(1 + random.nextInt(40)).append('\t');
      comments.append(created).append('\n');
    }
  }

  /**
   * The release columns as torrent-service would send them: the parser's reading of the title, the
   * trusted flag, remakes for 3 % and complete for half of the batches.
   */
  private void appendRelease(StringBuilder out, ParsedRelease release, boolean trusted) {
    out.append('\t').append(text(json.writeValueAsString(release)));
    out.append('\t')
        .append(
            nullable(release.group() == null ? null : release.group().toLowerCase(Locale.ROOT)));
    out.append('\t').append(nullable(release.resolution()));
    out.append('\t').append(nullable(release.source()));
    out.append('\t').append(nullable(release.season()));
    out.append('\t').append(nullable(release.episodeFrom()));
    out.append('\t').append(nullable(release.episodeTo()));
    out.append('\t').append(release.batch() ? 't' : 'f');
    out.append('\t').append(text(array(release.subtitleLanguages())));
    out.append('\t').append(text(array(release.audioLanguages())));
    out.append('\t').append(trusted ? 't' : 'f');
    out.append('\t').append(random.nextInt(100) < 3 ? 't' : 'f');
    out.append('\t').append(release.batch() && random.nextBoolean() ? 't' : 'f');
  }

  private static String nullable(Object value) {
    return value == null ? "\\N" : text(value.toString());
  }

  private String title(Show show, long category, int id) {
    String group = GROUPS[random.nextInt(GROUPS.length)];
    String resolution = RESOLUTIONS[random.nextInt(RESOLUTIONS.length)];
    int episode = 1 + random.nextInt(random.nextInt(10) == 0 ? 1100 : 24);
    String ep = String.format(Locale.ROOT, "%02d", episode);
    String latin = id % 100_000 == 0 ? show.latin() + " " + RARE_WORD : show.latin();
    if (category == 5) {
      return latin + " Original Soundtrack [" + AUDIO[random.nextInt(AUDIO.length)] + "]";
    }
    if (category == 6) {
      return show.russian() + " / " + latin + " Vol." + ep + " [Manga]";
    }
    return switch (random.nextInt(6)) {
      case 0 ->
          "["
              + group
              + "] "
              + latin
              + " - "
              + ep
              + " ("
              + resolution
              + ") ["
              + hex(4).toUpperCase(Locale.ROOT)
              + "].mkv";
      case 1 ->
          "["
              + group
              + "] "
              + latin
              + " S0"
              + (1 + random.nextInt(4))
              + "E"
              + ep
              + " "
              + resolution
              + " "
              + SOURCES[random.nextInt(SOURCES.length)]
              + " "
              + CODECS[random.nextInt(CODECS.length)];
      case 2 ->
          show.russian()
              + " / "
              + latin
              + " [01-"
              + ep
              + " из "
              + ep
              + "] ["
              + SOURCES[random.nextInt(SOURCES.length)]
              + " "
              + resolution
              + "]";
      case 3 ->
          show.russian()
              + " ("
              + latin
              + ") - "
              + ep
              + " ["
              + resolution
              + "] ["
              + group
              + "]"
              + SUBTITLES[random.nextInt(SUBTITLES.length)];
      case 4 ->
          "["
              + group
              + "] "
              + show.japanese()
              + " 第"
              + ep
              + "話 ("
              + SOURCES[random.nextInt(SOURCES.length)]
              + " 1920x1080 "
              + CODECS[random.nextInt(CODECS.length)]
              + ")";
      default ->
          latin
              + " / "
              + show.japanese()
              + " ["
              + resolution
              + " "
              + CODECS[random.nextInt(CODECS.length)]
              + " "
              + AUDIO[random.nextInt(AUDIO.length)]
              + "] (Batch)";
    };
  }

  private long category() {
    int roll = random.nextInt(100);
    for (Object[] c : CATEGORIES) {
      roll -= (Integer) c[4];
      if (roll < 0) {
        return (Long) c[0];
      }
    }
    return 8;
  }

  private long size(long category, String title) {
    double mib =
        title.contains("Batch") || title.contains(" из ")
            ? 5_000 + random.nextDouble() * 60_000
            : category == 5 || category == 6
                ? 50 + random.nextDouble() * 900
                : 150 + random.nextDouble() * 1800;
    return (long) (mib * 1024 * 1024);
  }

  /** Index into a Zipf-like popularity ranking of {@code n} items. */
  private int zipf(int n) {
    double x = Math.pow(n + 1.0, random.nextDouble()) - 1;
    return Math.min(n - 1, (int) x);
  }

  private String words(String[] dictionary, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(dictionary[random.nextInt(dictionary.length)]);
    }
    return String.join(" ", words);
  }

  private String hex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return java.util.HexFormat.of().formatHex(value);
  }

  private static String array(List<String> values) {
    StringBuilder array = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      array.append(i == 0 ? "" : ",").append('"');
      array.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return array.append('}').toString();
  }

  private static final java.util.regex.Pattern POSITION =
      java.util.regex.Pattern.compile(":(\\d+)[A-D]");

  /**
   * {@code own || series} as PostgreSQL computes it (the right side's positions shifted by the left
   * side's highest), so the generated rows equal what ReadModelWriter stores.
   */
  private static String concat(String own, String series) {
    int shift = 0;
    java.util.regex.Matcher positions = POSITION.matcher(own);
    while (positions.find()) {
      shift = Math.max(shift, Integer.parseInt(positions.group(1)));
    }
    int by = shift;
    String shifted =
        POSITION
            .matcher(series)
            .replaceAll(
                m ->
                    ":"
                        + Math.min(16_383, Integer.parseInt(m.group(1)) + by)
                        + m.group().substring(m.group().length() - 1));
    return own.isEmpty() ? shifted : own + " " + shifted;
  }

  /** A value in COPY text format. */
  private static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static void copy(CopyManager copy, String sql, String data) throws SQLException {
    if (data.isEmpty()) {
      return;
    }
    try (Reader reader = new StringReader(data)) {
      copy.copyIn(sql, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
