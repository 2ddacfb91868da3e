package dev.animetracker.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.search.index.ReadModelWriter;
import dev.animetracker.search.query.ReleaseFilter;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SearchHit;
import dev.animetracker.search.query.SearchService;
import dev.animetracker.search.query.SortField;
import dev.animetracker.search.query.SortOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/search} against rows written by the read model's writer. */
class SearchApiIT extends SearchTestSupport {

  @Autowired SearchService searchService;
  @Autowired JdbcClient jdbc;

  private static final String FRIEREN =
      "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv";
  private static final String FRIEREN_RU =
      "Провожающая в последний путь Фрирен / Фрирен - 06 [720p]";
  private static final String FRIEREN_JA = "葬送のフリーレン 第1期 全28話";
  private static final String BOCCHI = "Bocchi the Rock! S01E05 1080p WEB";

  /** Four torrents of one fresh uploader; returns the uploader. */
  private String catalogue() {
    String uploader = uniqueWord("up");
    index(
        snapshot(FRIEREN, ANIME, List.of("Fantasy", "Elf"), uploader),
        snapshot(FRIEREN_RU, ANIME, List.of("Fantasy"), uploader),
        snapshot(FRIEREN_JA, MANGA, List.of("Fantasy"), uploader),
        snapshot(BOCCHI, MUSIC, List.of("Music", "Comedy"), uploader));
    return uploader;
  }

  private List<String> titles(String uploader, String q) {
    return search("q", q, "uploader", uploader).assertStatus(200).titles();
  }

  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void everySearchIsTimedForTheLatencyDashboard() {
    long before = meters.get("search.queries").timer().count();
    String u = catalogue();
    titles(u, "frieren");
    titles(u, "фрирен");
    assertThat(meters.get("search.queries").timer().count()).isGreaterThanOrEqualTo(before + 2);
    assertThat(
            meters
                .get("search.queries")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
        .isPositive();
  }

  @Test
  void fullTextOverLatinCyrillicAndJapanese() {
    String u = catalogue();
    assertThat(titles(u, "frieren")).containsExactly(FRIEREN);
    assertThat(titles(u, "FRIEREN sousou")).containsExactly(FRIEREN);
    assertThat(titles(u, "фрирен")).containsExactly(FRIEREN_RU);
    assertThat(titles(u, "ФРИРЕН последний")).containsExactly(FRIEREN_RU);
    assertThat(titles(u, "葬送")).containsExactly(FRIEREN_JA);
    assertThat(titles(u, "フリーレン")).containsExactly(FRIEREN_JA);
    assertThat(titles(u, "フリーレン 全28話")).containsExactly(FRIEREN_JA);
    assertThat(titles(u, "05 1080p")).containsExactly(FRIEREN);
    assertThat(titles(u, "abcd1234")).containsExactly(FRIEREN);
    assertThat(titles(u, "mkv")).containsExactly(FRIEREN);
    assertThat(titles(u, "s01e05")).containsExactly(BOCCHI);
    // Tags are searched too.
    assertThat(titles(u, "fantasy")).containsExactlyInAnyOrder(FRIEREN, FRIEREN_RU, FRIEREN_JA);
    assertThat(titles(u, "nothing-like-this")).isEmpty();
  }

  @Test
  void partialWordsAndTyposFindTheRelease() {
    String u = catalogue();
    assertThat(titles(u, "frier")).containsExactly(FRIEREN);
    assertThat(titles(u, "фрир")).containsExactly(FRIEREN_RU);
    assertThat(titles(u, "freiren")).containsExactly(FRIEREN);
    assertThat(titles(u, "sousuo frieren")).containsExactly(FRIEREN);
    assertThat(titles(u, "boochi")).containsExactly(BOCCHI);
  }

  @Test
  void phrasesExclusionsAndAlternatives() {
    String u = catalogue();
    assertThat(titles(u, "\"sousou no frieren\"")).containsExactly(FRIEREN);
    assertThat(titles(u, "\"frieren no sousou\"")).isEmpty();
    assertThat(titles(u, "fantasy -1080p")).containsExactlyInAnyOrder(FRIEREN_RU, FRIEREN_JA);
    assertThat(titles(u, "fantasy -\"sousou no\" -葬送")).containsExactly(FRIEREN_RU);
    assertThat(titles(u, "bocchi|фрирен")).containsExactlyInAnyOrder(BOCCHI, FRIEREN_RU);
    assertThat(titles(u, "bocchi | 葬送 | nothingatall"))
        .containsExactlyInAnyOrder(BOCCHI, FRIEREN_JA);
    assertThat(titles(u, "-fantasy")).containsExactly(BOCCHI);
  }

  @Test
  void filtersCombine() {
    String u = catalogue();
    assertThat(search("uploader", u.toUpperCase()).assertStatus(200).total()).isEqualTo(4);
    assertThat(search("uploader", u, "category", "anime-eng").titles())
        .containsExactlyInAnyOrder(FRIEREN, FRIEREN_RU);
    assertThat(search("uploader", u, "category", "manga,music-ost").titles())
        .containsExactlyInAnyOrder(FRIEREN_JA, BOCCHI);
    assertThat(search("uploader", u, "category", "-anime-eng").titles())
        .containsExactlyInAnyOrder(FRIEREN_JA, BOCCHI);
    assertThat(search("uploader", u, "category", "no-such-category").titles()).isEmpty();
    assertThat(search("uploader", u, "tag", "fantasy", "tag", "elf").titles())
        .containsExactly(FRIEREN);
    assertThat(search("uploader", u, "tag", "Fantasy,Music").titles()).isEmpty();
    assertThat(search("uploader", u, "q", "frieren", "category", "manga").titles()).isEmpty();
  }

  @Test
  void sizeDateAndSeederFilters() {
    String u = uniqueWord("sz");
    Instant day = Instant.parse("2024-05-10T12:00:00Z");
    TorrentSnapshot small =
        with(snapshot("small one", ANIME, List.of(), u), "small one", "", 500_000_000L, day, 1);
    TorrentSnapshot big =
        with(
            snapshot("big one", ANIME, List.of(), u),
            "big one",
            "",
            2_000_000_000L,
            day.plus(3, ChronoUnit.DAYS),
            1);
    index(small, big);
    writer.stats(List.of(new ReadModelWriter.Stats(big.infoHash(), 7, 1, 3, Instant.now())));
    assertThat(search("uploader", u, "minSize", "1GiB").titles()).containsExactly("big one");
    assertThat(search("uploader", u, "maxSize", "700MB").titles()).containsExactly("small one");
    assertThat(search("uploader", u, "minSize", "500000000", "maxSize", "500000000").titles())
        .containsExactly("small one");
    assertThat(search("uploader", u, "from", "2024-05-11").titles()).containsExactly("big one");
    assertThat(search("uploader", u, "to", "2024-05-10").titles()).containsExactly("small one");
    assertThat(
            search("uploader", u, "from", "2024-05-10T12:00:00Z", "to", "2024-05-10T12:00:00Z")
                .titles())
        .containsExactly("small one");
    assertThat(search("uploader", u, "minSeeders", "5").titles()).containsExactly("big one");
    assertThat(search("uploader", u, "minSeeders", "0").total()).isEqualTo(2);
  }

  @Test
  void everySortInBothOrdersIsStableAndPagesConsistently() {
    String u = uniqueWord("so");
    List<TorrentSnapshot> torrents = new ArrayList<>();
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    String[] titles = {"alpha", "Beta", "gamma", "beta", "Ёжик", "ALPHA", "delta"};
    for (int i = 0; i < titles.length; i++) {
      // Repeated sizes, times and counters force the id tie-break.
      TorrentSnapshot s = snapshot(titles[i], ANIME, List.of(), u);
      torrents.add(with(s, titles[i], "", 1000L * (i % 3), base.plusSeconds(i % 2), 1));
    }
    index(torrents.toArray(TorrentSnapshot[]::new));
    for (int i = 0; i < torrents.size(); i++) {
      writer.stats(
          List.of(
              new ReadModelWriter.Stats(
                  torrents.get(i).infoHash(), i % 3, i % 2, i % 4, Instant.now())));
      writer.downloads(List.of(new ReadModelWriter.Downloads(torrents.get(i).infoHash(), i % 2)));
    }
    List<JsonNode> all = new ArrayList<>();
    search("uploader", u, "size", "100").json().get("items").forEach(all::add);
    assertThat(all).hasSize(7);

    checkSort(u, "created", all, item -> Instant.parse(item.get("createdAt").asString()));
    checkSort(u, "seeders", all, item -> item.get("seeders").asLong());
    checkSort(u, "leechers", all, item -> item.get("leechers").asLong());
    checkSort(u, "completed", all, item -> item.get("completed").asLong());
    checkSort(u, "downloads", all, item -> item.get("downloads").asLong());
    checkSort(u, "size", all, item -> item.get("size").asLong());
    checkSort(
        u, "title", all, item -> item.get("title").asString().toLowerCase().replace('ё', 'е'));
  }

  private <T extends Comparable<T>> void checkSort(
      String uploader, String sort, List<JsonNode> all, Function<JsonNode, T> key) {
    for (String order : List.of("asc", "desc")) {
      Comparator<JsonNode> comparator =
          Comparator.comparing(key).thenComparing(item -> item.get("id").asLong());
      if (order.equals("desc")) {
        comparator = comparator.reversed();
      }
      List<Long> expected =
          all.stream().sorted(comparator).map(item -> item.get("id").asLong()).toList();
      List<Long> paged = new ArrayList<>();
      for (int page = 0; page < 4; page++) {
        Response response =
            search(
                    "uploader",
                    uploader,
                    "sort",
                    sort,
                    "order",
                    order,
                    "size",
                    "2",
                    "page",
                    "" + page)
                .assertStatus(200);
        assertThat(response.total()).as("total of %s %s", sort, order).isEqualTo(7);
        paged.addAll(response.ids());
      }
      assertThat(paged).as("%s %s", sort, order).isEqualTo(expected);
    }
  }

  @Test
  void relevancePrefersTitleOverTagsOverDescription() {
    String u = uniqueWord("rel");
    String word = uniqueWord("kw");
    TorrentSnapshot inDescription = snapshot("first torrent", ANIME, List.of(), u);
    inDescription = with(inDescription, "first torrent", "mentions " + word, 1, Instant.now(), 1);
    TorrentSnapshot inTag = snapshot("second torrent", ANIME, List.of(word), u);
    TorrentSnapshot inTitle = snapshot("third " + word + " torrent", ANIME, List.of(), u);
    index(inDescription, inTag, inTitle);
    assertThat(search("q", word).assertStatus(200).ids())
        .containsExactly(inTitle.torrentId(), inTag.torrentId(), inDescription.torrentId());
    // Without text, the default is newest first.
    assertThat(search("uploader", u).ids().getFirst()).isEqualTo(inTitle.torrentId());
  }

  @Test
  void totalsArePreciseAndPagesBeyondTheEndAreEmpty() {
    String u = uniqueWord("tot");
    List<TorrentSnapshot> many = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      many.add(snapshot("release number " + i, ANIME, List.of("batch"), u));
    }
    index(many.toArray(TorrentSnapshot[]::new));
    Response first = search("uploader", u, "size", "10");
    assertThat(first.total()).isEqualTo(23);
    assertThat(first.ids()).hasSize(10);
    assertThat(first.json().get("page").asInt()).isZero();
    assertThat(first.json().get("size").asInt()).isEqualTo(10);
    Response last = search("uploader", u, "size", "10", "page", "2");
    assertThat(last.total()).isEqualTo(23);
    assertThat(last.ids()).hasSize(3);
    Response beyond = search("uploader", u, "size", "10", "page", "5");
    assertThat(beyond.total()).isEqualTo(23);
    assertThat(beyond.ids()).isEmpty();
    assertThat(search("uploader", u, "q", "release", "size", "5", "page", "1").total())
        .isEqualTo(23);
    // The category total comes from the maintained live counts: it must agree with counting.
    long counted =
        jdbc.sql("select count(*) from torrent_doc where live and category_id = 3")
            .query(Long.class)
            .single();
    assertThat(search("category", "anime-eng").total()).isEqualTo(counted);
  }

  @Test
  void infoHashesAndMagnetLinksFindExactlyThatTorrent() {
    String u = uniqueWord("hash");
    TorrentSnapshot v1 = snapshot("hash v1", ANIME, List.of(), u);
    String v2Hash = randomHash(64);
    TorrentSnapshot base = snapshot("hash v2 only", ANIME, List.of(), u);
    TorrentSnapshot v2only =
        new TorrentSnapshot(
            base.torrentId(),
            v2Hash.substring(0, 40),
            v2Hash,
            base.title(),
            "",
            ANIME,
            List.of(),
            1,
            1,
            1,
            u,
            base.createdAt(),
            base.updatedAt(),
            1,
            null,
            false,
            false,
            false,
            null);
    String hybridV2 = randomHash(64);
    TorrentSnapshot hybridBase = snapshot("hash hybrid", ANIME, List.of(), u);
    TorrentSnapshot hybrid =
        new TorrentSnapshot(
            hybridBase.torrentId(),
            hybridBase.infoHash(),
            hybridV2,
            hybridBase.title(),
            "",
            ANIME,
            List.of(),
            1,
            1,
            1,
            u,
            hybridBase.createdAt(),
            hybridBase.updatedAt(),
            1,
            null,
            false,
            false,
            false,
            null);
    index(v1, v2only, hybrid);

    assertThat(search("q", v1.infoHash()).titles()).containsExactly("hash v1");
    assertThat(search("q", v1.infoHash().toUpperCase()).titles()).containsExactly("hash v1");
    assertThat(search("q", v2Hash).titles()).containsExactly("hash v2 only");
    assertThat(search("q", v2Hash.substring(0, 40)).titles()).containsExactly("hash v2 only");
    assertThat(search("q", hybridV2.substring(0, 40)).titles()).containsExactly("hash hybrid");
    assertThat(search("q", "magnet:?xt=urn:btih:" + v1.infoHash() + "&dn=whatever").titles())
        .containsExactly("hash v1");
    assertThat(search("q", "magnet:?xt=urn:btmh:1220" + hybridV2).titles())
        .containsExactly("hash hybrid");
    assertThat(search("q", "magnet:?xt=urn:btih:" + base32(v1.infoHash())).titles())
        .containsExactly("hash v1");
    assertThat(search("q", "magnet:?dn=nohash").titles()).isEmpty();
    assertThat(search("q", randomHash(40)).titles()).isEmpty();

    JsonNode item = search("q", v2Hash).json().get("items").get(0);
    assertThat(item.get("magnetUri").asString())
        .startsWith("magnet:?xt=urn:btmh:1220" + v2Hash + "&dn=hash%20v2%20only")
        .contains("&tr=http%3A%2F%2Ftracker.test%3A6969%2Fannounce");
    assertThat(search("q", v1.infoHash()).json().get("items").get(0).get("magnetUri").asString())
        .startsWith("magnet:?xt=urn:btih:" + v1.infoHash() + "&dn=");
  }

  private static String base32(String hex) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return out.toString();
  }

  @Test
  void itemsHaveTheContractShapeAndLocalizedCategory() {
    String u = uniqueWord("shape");
    TorrentSnapshot s = snapshot("Shape test", ANIME, List.of("Fantasy"), u);
    index(s);
    writer.comments(List.of(new ReadModelWriter.Comments(s.torrentId(), 4, Instant.now())));
    JsonNode ru = search("uploader", u).json().get("items").get(0);
    assertThat(ru.get("category").get("name").asString()).isEqualTo("Аниме: английский перевод");
    assertThat(ru.get("category").get("slug").asString()).isEqualTo("anime-eng");
    assertThat(ru.get("tags").get(0).get("slug").asString()).isEqualTo("fantasy");
    assertThat(ru.get("tags").get(0).get("name").asString()).isEqualTo("Fantasy");
    assertThat(ru.get("uploader").get("username").asString()).isEqualTo(u);
    assertThat(ru.get("uploader").get("id").asLong()).isEqualTo(42);
    assertThat(ru.get("infoHash").asString()).isEqualTo(s.infoHash());
    assertThat(ru.get("infoHashV2").isNull()).isTrue();
    assertThat(ru.get("comments").asInt()).isEqualTo(4);
    for (String field :
        List.of(
            "id",
            "title",
            "size",
            "fileCount",
            "createdAt",
            "seeders",
            "leechers",
            "completed",
            "downloads",
            "magnetUri")) {
      assertThat(ru.has(field)).as(field).isTrue();
    }
    JsonNode en =
        JSON.readTree(get("/api/search?uploader=" + u, "en-US,en;q=0.9").body())
            .get("items")
            .get(0);
    assertThat(en.get("category").get("name").asString()).isEqualTo("Anime: English-translated");
  }

  @Test
  void hostileInputIsNeverAServerError() {
    catalogue();
    List<String> hostile =
        List.of(
            "\"",
            "\"\"\"",
            "'",
            "''",
            "\\",
            "-",
            "--",
            "|",
            "||",
            "a|",
            "|a",
            "-|-",
            "!",
            "!!!",
            "&",
            "a & b",
            "a:*",
            ":*",
            "(",
            ")))",
            "<->",
            "a <-> b",
            "'; drop table torrent_doc; --",
            "1 or 1=1",
            "%",
            "_",
            "%_%",
            "\u0000",
            "a\u0000b",
            "x".repeat(300),
            "🙂🙂🙂",
            "\uD83D",
            "ｆｒｉｅｒｅｎ",
            "\"unbalanced phrase",
            "-\"",
            "\t\n",
            "magnet:?",
            "magnet:?xt=urn:btih:zz",
            "SELECT * FROM category");
    for (String q : hostile) {
      Response response = search("q", q);
      assertThat(response.status()).as("q=%s", q).isEqualTo(200);
      assertThat(response.json().has("items")).isTrue();
    }
    for (String q : List.of("x".repeat(301), "x".repeat(5000))) {
      Response response = search("q", q);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("code").asString()).isEqualTo("validation-failed");
      assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
    }
    List<String[]> badParams =
        List.of(
            new String[] {"sort", "name; drop"},
            new String[] {"order", "sideways"},
            new String[] {"page", "-1"},
            new String[] {"page", "x"},
            new String[] {"size", "0"},
            new String[] {"size", "1000"},
            new String[] {"minSize", "lots"},
            new String[] {"from", "'; --"},
            new String[] {"minSeeders", "-3"},
            new String[] {"tag", "t".repeat(5000)},
            new String[] {"uploader", "u".repeat(5000)});
    for (String[] pair : badParams) {
      Response response = search(pair[0], pair[1]);
      assertThat(response.status()).as("%s=%s", pair[0], pair[1]).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(pair[0]);
    }
    for (String[] pair :
        List.of(
            new String[] {"category", "'; drop table x; --"},
            new String[] {"tag", "\u0000"},
            new String[] {"uploader", "' or 1=1 --"},
            new String[] {"category", "-"},
            new String[] {"unknown", "x"})) {
      assertThat(search(pair[0], pair[1]).status()).as("%s=%s", pair[0], pair[1]).isEqualTo(200);
    }
  }

  @Test
  void torznabSeasonAndEpisodeMatchBothNumberings() {
    String u = uniqueWord("tv");
    String show = uniqueWord("show");
    index(
        snapshot("[Grp] " + show + " - 05 (1080p)", ANIME, List.of(), u),
        snapshot(show + " S01E05 720p", ANIME, List.of(), u),
        snapshot(show + " S02E05 720p", ANIME, List.of(), u),
        snapshot(show + " S01E06 720p", ANIME, List.of(), u),
        snapshot(show + " 2nd Season - 05", ANIME, List.of(), u));
    assertThat(tv(show, 1, 5))
        .containsExactlyInAnyOrder("[Grp] " + show + " - 05 (1080p)", show + " S01E05 720p");
    assertThat(tv(show, 2, 5))
        .containsExactlyInAnyOrder(show + " S02E05 720p", show + " 2nd Season - 05");
    assertThat(tv(show, null, 6)).containsExactly(show + " S01E06 720p");
    assertThat(tv(show, 2, null))
        .containsExactlyInAnyOrder(show + " S02E05 720p", show + " 2nd Season - 05");
  }

  private List<String> tv(String show, Integer season, Integer episode) {
    SearchCriteria criteria =
        new SearchCriteria(
            show,
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            season,
            episode,
            ReleaseFilter.NONE,
            SortField.RELEVANCE,
            SortOrder.DESC,
            0,
            100);
    return searchService.search(criteria).items().stream().map(SearchHit::title).toList();
  }
}
