package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.UserServiceStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /rss} and {@code /torznab/api} over the whole service: torrents reach the read model as
 * real {@code torrent.created} events on Kafka, feeds are read over HTTP and parsed by a real XML
 * parser, API keys are checked against a stand-in of user-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedsIT {

  private static final String BASE = "https://feeds.example/site";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final UserServiceStub USER_SERVICE = UserServiceStub.onFreePort();

  /** A word only this run's torrents contain, so other tests' torrents never disturb counts. */
  private static final String WORD = randomWord();

  /** Future creation times: this run's torrents are the newest of the whole read model. */
  private static final Instant NEWEST = Instant.now().plus(1000, ChronoUnit.DAYS);

  private static final long ID_BASE = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
  private static final long ANIME_ID = ThreadLocalRandom.current().nextLong(50_000, 70_000);
  private static final long MUSIC_ID = ANIME_ID + 30_000;
  private static final CategoryRef ANIME =
      new CategoryRef(ANIME_ID, "anime-it" + WORD, "Аниме ИТ", "Anime IT " + WORD);
  private static final CategoryRef MUSIC =
      new CategoryRef(MUSIC_ID, "music-it" + WORD, "Музыка ИТ", "Music IT " + WORD);
  private static final String HOSTILE =
      WORD + " <script>alert(1)</script> & \"q\" ]]> \u0001\u0008\u001b end";

  /** Newest first: {@code TITLES.get(0)} is the newest torrent. */
  private static final List<String> TITLES =
      List.of(
          HOSTILE,
          "[Grp] " + WORD + " Show - 06 [1080p]",
          "[Grp] " + WORD + " Show S02E05 [720p]",
          "[Grp] " + WORD + " Show S01E05 [720p]",
          "[Grp] " + WORD + " Show - 05 [1080p]");

  private static boolean seeded;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_search_feeds");
    Infrastructure.registerKafka(registry);
    // Own consumer group: other cached contexts must not take our partitions.
    String groupId = "search-feeds-it-" + UUID.randomUUID();
    registry.add("spring.kafka.consumer.group-id", () -> groupId);
    registry.add("animetracker.feed.public-base-url", () -> BASE + "/");
    registry.add("animetracker.user-service.url", USER_SERVICE::url);
    registry.add("animetracker.search.announce-urls", () -> "http://tracker.it:6969/announce");
  }

  @LocalServerPort int port;

  @AfterAll
  static void stopStub() {
    USER_SERVICE.close();
  }

  @BeforeEach
  void seedOnce() throws Exception {
    if (seeded) {
      return;
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < TITLES.size(); i++) {
        TorrentSnapshot snapshot = snapshot(i);
        EventEnvelope envelope =
            EventEnvelope.wrap(snapshot.infoHash(), new TorrentCreated(snapshot), JSON);
        producer
            .send(
                new ProducerRecord<>(
                    Topics.TORRENT_EVENTS, envelope.key(), JSON.writeValueAsString(envelope)))
            .get(10, TimeUnit.SECONDS);
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> rss("q=" + WORD).count("/rss/channel/item") == TITLES.size());
    seeded = true;
  }

  // ------------------------------------------------------------------ RSS

  @Test
  void rssIsANyaaShapedFeedNewestFirst() {
    Response response = get("/rss?q=" + WORD);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/rss+xml;charset=UTF-8");
    XmlDoc doc = XmlDoc.parse(response.body());
    assertThat(doc.text("/rss/@version")).isEqualTo("2.0");
    assertThat(doc.text("/rss/channel/link")).isEqualTo(BASE + "/");
    assertThat(doc.text("/rss/channel/atom:link/@href")).isEqualTo(BASE + "/rss?q=" + WORD);
    assertThat(doc.texts("/rss/channel/item/title")).containsExactlyElementsOf(cleanTitles());
    long newest = ID_BASE;
    assertThat(doc.text("/rss/channel/item[1]/guid")).isEqualTo(BASE + "/torrents/" + newest);
    assertThat(doc.text("/rss/channel/item[1]/link"))
        .isEqualTo(BASE + "/api/torrents/" + newest + "/download");
    assertThat(doc.text("/rss/channel/item[1]/enclosure/@type"))
        .isEqualTo("application/x-bittorrent");
    assertThat(doc.text("/rss/channel/item[1]/enclosure/@length")).isEqualTo("1073741824");
    assertThat(doc.text("/rss/channel/item[1]/nyaa:size")).isEqualTo("1.0 GiB");
    assertThat(doc.text("/rss/channel/item[1]/nyaa:category")).isEqualTo(MUSIC.nameEn());
    assertThat(doc.text("/rss/channel/item[1]/nyaa:categoryId")).isEqualTo(MUSIC_ID + "");
    assertThat(doc.text("/rss/channel/item[1]/nyaa:infoHash")).isEqualTo(infoHash(0));
    assertThat(doc.text("/rss/channel/item[1]/pubDate"))
        .isEqualTo(FeedFormat.rfc822(NEWEST.truncatedTo(ChronoUnit.SECONDS)));
    // The hostile title is text, never markup, and lost only its control characters.
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .doesNotContain("<script>")
        .doesNotContain("\u0001");
  }

  @Test
  void rssPagesAreOneBasedAndLimitSized() {
    List<String> titles = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      List<String> onPage =
          rss("q=" + WORD + "&limit=2&page=" + page).texts("/rss/channel/item/title");
      assertThat(onPage).hasSizeLessThanOrEqualTo(2);
      titles.addAll(onPage);
    }
    assertThat(titles).containsExactlyElementsOf(cleanTitles());
    assertThat(rss("q=" + WORD + "&limit=2&page=4").count("//item")).isZero();
  }

  @Test
  void rssTakesTheFiltersOfTheSearchApi() {
    assertThat(rss("q=" + WORD + "&category=" + MUSIC.slug()).texts("//item/title"))
        .containsExactly(XmlOut.clean(HOSTILE));
    assertThat(rss("q=" + WORD + "&category=-" + MUSIC.slug()).count("//item")).isEqualTo(4);
    assertThat(rss("q=" + WORD + "&tag=tag-" + WORD).count("//item")).isEqualTo(5);
    assertThat(rss("q=" + WORD + "&sort=title&order=asc").texts("//item/title").getFirst())
        .startsWith("[Grp]");
    assertThat(rss("category=" + ANIME.slug()).count("//item")).isEqualTo(4);
  }

  @Test
  void rssCarriesNyaaFlagsAndMagnetLinksOnRequest() {
    XmlDoc doc = rss("q=" + WORD);
    // Newest first: TITLES.get(1) is trusted, TITLES.get(4) a remake.
    assertThat(doc.texts("//item/nyaa:trusted")).containsExactly("No", "Yes", "No", "No", "No");
    assertThat(doc.texts("//item/nyaa:remake")).containsExactly("No", "No", "No", "No", "Yes");
    for (String on : List.of("magnets", "magnets=", "magnets=true", "magnets=1")) {
      XmlDoc magnets = rss("q=" + WORD + "&" + on);
      assertThat(magnets.text("//item[1]/link"))
          .as(on)
          .startsWith("magnet:?xt=urn:btih:" + infoHash(0));
      assertThat(magnets.text("//item[1]/enclosure/@url"))
          .isEqualTo(BASE + "/api/torrents/" + ID_BASE + "/download");
    }
    assertThat(rss("q=" + WORD + "&magnets=false").text("//item[1]/link"))
        .isEqualTo(BASE + "/api/torrents/" + ID_BASE + "/download");
    assertThat(get("/rss?magnets=perhaps").status()).isEqualTo(400);
  }

  @Test
  void rssTakesTheReleaseFilters() {
    assertThat(rss("q=" + WORD + "&filter=2").texts("//item/title")).containsExactly(TITLES.get(1));
    assertThat(rss("q=" + WORD + "&filter=1").count("//item")).isEqualTo(4);
    assertThat(rss("q=" + WORD + "&group=grp&resolution=720p").texts("//item/title"))
        .containsExactly(TITLES.get(2), TITLES.get(3));
    assertThat(rss("q=" + WORD + "&episode=5&season=2").texts("//item/title"))
        .containsExactly(TITLES.get(2));
    assertThat(rss("uploader=uploader1&q=" + WORD).texts("//item/title"))
        .containsExactly(TITLES.get(1));
    assertThat(get("/rss?filter=9").status()).isEqualTo(400);
  }

  @Test
  void badRssParametersAre400Problems() {
    for (String query :
        List.of(
            "page=0",
            "page=-1",
            "page=abc",
            "page=10001",
            "limit=0",
            "limit=101",
            "limit=x",
            "sort=bogus",
            "order=sideways",
            "q=" + "x".repeat(301))) {
      Response response = get("/rss?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.contentType()).as(query).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("code").asString()).as(query).isEqualTo("validation-failed");
      assertThat(response.text()).doesNotContain("Exception");
    }
  }

  @Test
  void hostileQueriesStillGiveWellFormedFeeds() {
    for (String q :
        List.of(
            "<script>alert(1)</script>",
            "]]>&amp;\"'",
            "\u0000\u0001\u001f",
            "a:b|c&d!e(f)*",
            "магнет:? 第1話 \uD83C\uDF38",
            "magnet:?xt=urn:btih:" + infoHash(1))) {
      Response response = get("/rss?q=" + encode(q));
      assertThat(response.status()).as(q).isEqualTo(200);
      XmlDoc doc = XmlDoc.parse(response.body());
      assertThat(doc.text("/rss/channel/description")).as(q).doesNotContain("\u0001");
      Response torznab = get("/torznab/api?t=search&q=" + encode(q));
      assertThat(torznab.status()).as(q).isEqualTo(200);
      assertThat(XmlDoc.parse(torznab.body()).count("/error")).as(q).isZero();
    }
    assertThat(rss("q=" + encode("magnet:?xt=urn:btih:" + infoHash(1))).texts("//item/title"))
        .containsExactly(TITLES.get(1));
  }

  @Test
  void rssWithAValidApiKeyLinksDownloadsWithTheKey() {
    String key = USER_SERVICE.keyOf(77, "reader", true);

    XmlDoc doc = rss("q=" + WORD + "&apikey=" + key);

    assertThat(doc.texts("//item/link"))
        .hasSize(5)
        .allSatisfy(
            url ->
                assertThat(url)
                    .startsWith(BASE + "/api/torrents/")
                    .endsWith("/download?apikey=" + key));
    assertThat(doc.texts("//item/enclosure/@url"))
        .allSatisfy(url -> assertThat(url).endsWith("?apikey=" + key));
    assertThat(doc.texts("//item/guid")).allSatisfy(url -> assertThat(url).doesNotContain(key));
    assertThat(doc.text("/rss/channel/atom:link/@href")).doesNotContain(key);

    int lookups = USER_SERVICE.lookups();
    rss("q=" + WORD + "&apikey=" + key);
    assertThat(USER_SERVICE.lookups()).as("a valid key is cached").isEqualTo(lookups);
  }

  @Test
  void rssWithAWrongKeyIs403AndWithAnUncheckableOne503() {
    for (String key :
        List.of(
            UserServiceStub.newKey(), USER_SERVICE.keyOf(78, "inactive", false), "not-a-key", "")) {
      Response response = get("/rss?q=x&apikey=" + key);
      if (key.isEmpty()) {
        assertThat(response.status()).as("a blank apikey is no apikey").isEqualTo(200);
        continue;
      }
      assertThat(response.status()).as(key).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(JSON.readTree(response.body()).get("code").asString())
          .isEqualTo("invalid-api-key");
    }
    Response broken = get("/rss?apikey=" + USER_SERVICE.brokenKey());
    assertThat(broken.status()).isEqualTo(503);
    assertThat(JSON.readTree(broken.body()).get("code").asString())
        .isEqualTo("user-service-unavailable");
  }

  // ------------------------------------------------------------------ Torznab

  @Test
  void capsDescribesSearchesLimitsAndOurCategories() {
    Response response = get("/torznab/api?t=caps");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/xml;charset=UTF-8");
    XmlDoc doc = XmlDoc.parse(response.body());
    assertThat(doc.text("/caps/limits/@max")).isEqualTo("100");
    assertThat(doc.text("/caps/limits/@default")).isEqualTo("50");
    assertThat(doc.text("/caps/searching/tv-search/@supportedParams")).isEqualTo("q,season,ep");
    assertThat(doc.text("/caps/searching/movie-search/@available")).isEqualTo("no");
    assertThat(doc.text("/caps/categories/category[@id='5000']/subcat[@id='5070']/@name"))
        .isEqualTo("TV/Anime");
    assertThat(
            doc.text(
                "/caps/categories/category[@id='5000']/subcat[@id='"
                    + (100_000 + ANIME_ID)
                    + "']/@name"))
        .isEqualTo(ANIME.nameEn());
    assertThat(
            doc.text(
                "/caps/categories/category[@id='3000']/subcat[@id='"
                    + (100_000 + MUSIC_ID)
                    + "']/@name"))
        .isEqualTo(MUSIC.nameEn());
  }

  @Test
  void anEmptySearchReturnsTheNewestTorrents() {
    XmlDoc doc = torznab("t=search");
    assertThat(doc.texts("/rss/channel/item/title").subList(0, 5))
        .containsExactlyElementsOf(cleanTitles());
    assertThat(doc.count("/rss/channel/item")).isLessThanOrEqualTo(50);

    XmlDoc rssSync = torznab("t=search&cat=5070&extended=1&offset=0&limit=100");
    assertThat(rssSync.texts("/rss/channel/item/title").subList(0, 4))
        .containsExactlyElementsOf(cleanTitles().subList(1, 5));
  }

  @Test
  void torznabItemsCarryTheAttributesClientsRead() {
    String key = USER_SERVICE.keyOf(79, "sonarr", true);
    XmlDoc doc = torznab("t=search&q=" + encode(WORD + " S01E05") + "&apikey=" + key);

    assertThat(doc.count("//item")).isEqualTo(1);
    long id = ID_BASE + 3;
    String download = BASE + "/api/torrents/" + id + "/download?apikey=" + key;
    assertThat(doc.text("//item/link")).isEqualTo(download);
    assertThat(doc.text("//item/enclosure/@url")).isEqualTo(download);
    assertThat(doc.text("//item/enclosure/@type")).isEqualTo("application/x-bittorrent");
    assertThat(doc.text("//item/comments")).isEqualTo(BASE + "/torrents/" + id);
    assertThat(doc.texts("//item/torznab:attr[@name='category']/@value"))
        .containsExactly("5070", Long.toString(100_000 + ANIME_ID));
    assertThat(doc.text("//item/torznab:attr[@name='infohash']/@value")).isEqualTo(infoHash(3));
    assertThat(doc.text("//item/torznab:attr[@name='magneturl']/@value"))
        .isEqualTo(
            "magnet:?xt=urn:btih:"
                + infoHash(3)
                + "&dn="
                + encode(TITLES.get(3)).replace("+", "%20")
                + "&tr=http%3A%2F%2Ftracker.it%3A6969%2Fannounce");
    assertThat(doc.text("//item/torznab:attr[@name='size']/@value")).isEqualTo("1073741827");
    assertThat(doc.text("//item/torznab:attr[@name='peers']/@value")).isEqualTo("0");
    assertThat(doc.text("/rss/channel/torznab:response/@total")).isEqualTo("1");
    assertThat(doc.text("//item/torznab:attr[@name='season']/@value")).isEqualTo("1");
    assertThat(doc.text("//item/torznab:attr[@name='episode']/@value")).isEqualTo("5");
    assertThat(doc.text("//item/torznab:attr[@name='team']/@value")).isEqualTo("Grp");
    assertThat(doc.text("//item/torznab:attr[@name='resolution']/@value")).isEqualTo("720p");
  }

  @Test
  void torznabOffsetAndLimitPage() {
    List<String> titles = new ArrayList<>();
    for (int offset = 0; offset < 6; offset += 2) {
      titles.addAll(
          torznab("t=search&q=" + WORD + "&limit=2&offset=" + offset).texts("//item/title"));
    }
    assertThat(titles).containsExactlyElementsOf(cleanTitles());
    assertThat(torznab("t=search&q=" + WORD + "&limit=1000").count("//item")).isEqualTo(5);
  }

  @Test
  void tvsearchFindsSeasonEpisodeAndAbsoluteNumbering() {
    assertThat(
            torznab("t=tvsearch&q=" + encode(WORD + " Show") + "&season=1&ep=5")
                .texts("//item/title"))
        .containsExactlyInAnyOrder(TITLES.get(3), TITLES.get(4));
    assertThat(
            torznab("t=tvsearch&q=" + encode(WORD + " Show") + "&season=2&ep=5")
                .texts("//item/title"))
        .containsExactly(TITLES.get(2));
    assertThat(torznab("t=tvsearch&q=" + WORD + "&ep=6").texts("//item/title"))
        .containsExactly(TITLES.get(1));
  }

  @Test
  void catSelectsByStandardParentOrOwnIdAndUnknownIdsMatchNothing() {
    assertThat(torznab("t=search&q=" + WORD + "&cat=3000").texts("//item/title"))
        .containsExactly(XmlOut.clean(HOSTILE));
    assertThat(torznab("t=search&q=" + WORD + "&cat=" + (100_000 + ANIME_ID)).count("//item"))
        .isEqualTo(4);
    assertThat(torznab("t=search&q=" + WORD + "&cat=5000,3000").count("//item")).isEqualTo(5);
    assertThat(torznab("t=search&q=" + WORD + "&cat=2000").count("//item")).isZero();
  }

  @Test
  void torznabErrorsAreNewznabErrorDocumentsWithStatus200() {
    assertError("", 200);
    assertError("t=", 200);
    assertError("t=bogus", 202);
    assertError("t=movie", 203);
    assertError("t=music&q=x", 203);
    assertError("t=details", 203);
    assertError("t=search&limit=abc", 201);
    assertError("t=search&limit=0", 201);
    assertError("t=search&offset=-1", 201);
    assertError("t=search&cat=5070,anime", 201);
    assertError("t=tvsearch&season=one", 201);
    assertError("t=tvsearch&season=1&ep=5x", 201);
    assertError("t=search&o=json", 201);
    assertError("t=search&q=" + "y".repeat(301), 201);
    assertError("t=search&apikey=" + UserServiceStub.newKey(), 100);
    assertError("t=caps&apikey=wrong", 100);
    assertError("t=search&apikey=" + USER_SERVICE.brokenKey(), 900);
  }

  // ------------------------------------------------------------------ helpers

  private void assertError(String query, int code) {
    Response response = get("/torznab/api?" + query);
    assertThat(response.status()).as(query).isEqualTo(200);
    assertThat(response.contentType()).as(query).isEqualTo("application/xml;charset=UTF-8");
    XmlDoc doc = XmlDoc.parse(response.body());
    assertThat(doc.text("/error/@code")).as(query + ": " + response.text()).isEqualTo(code + "");
    assertThat(doc.text("/error/@description")).as(query).isNotBlank();
  }

  private static List<String> cleanTitles() {
    return TITLES.stream().map(XmlOut::clean).toList();
  }

  private static TorrentSnapshot snapshot(int i) {
    Instant created = NEWEST.truncatedTo(ChronoUnit.SECONDS).minus(i, ChronoUnit.MINUTES);
    return new TorrentSnapshot(
        ID_BASE + i,
        infoHash(i),
        null,
        TITLES.get(i),
        "description " + i,
        i == 0 ? MUSIC : ANIME,
        List.of(new TagRef("tag-" + WORD, "Tag " + WORD)),
        (1L << 30) + i,
        1 + i,
        900 + i,
        "uploader" + i,
        created,
        created,
        1,
        new ReleaseParser().parse(TITLES.get(i), List.of()),
        i == 1,
        i == 4,
        false,
        null);
  }

  private static String infoHash(int i) {
    byte[] bytes = new byte[20];
    long seed = ID_BASE * 31 + i;
    for (int b = 0; b < bytes.length; b++) {
      bytes[b] = (byte) (seed >>> (b % 8 * 8) ^ b * 37);
    }
    return HexFormat.of().formatHex(bytes);
  }

  private static String randomWord() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private XmlDoc rss(String query) {
    Response response = get("/rss?" + query);
    assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(200);
    return XmlDoc.parse(response.body());
  }

  private XmlDoc torznab(String query) {
    Response response = get("/torznab/api?" + query);
    assertThat(response.status()).isEqualTo(200);
    XmlDoc doc = XmlDoc.parse(response.body());
    assertThat(doc.count("/error")).as(query + ": " + response.text()).isZero();
    return doc;
  }

  private record Response(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Response get(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
