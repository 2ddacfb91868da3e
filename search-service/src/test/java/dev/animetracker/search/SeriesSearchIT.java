package dev.animetracker.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.SeriesUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.search.TorrentServiceStub.Listed;
import dev.animetracker.search.TorrentServiceStub.ListedSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Series in the read model: torrents found by any title of their series, the {@code series} filter,
 * and series.updated converging with the torrents' snapshots whichever arrives first.
 */
class SeriesSearchIT extends SearchTestSupport {

  private static final String RUSSIAN = "Провожающая в последний путь Фрирен";
  private static final String ENGLISH = "Frieren: Beyond Journey's End";
  private static final String JAPANESE = "葬送のフリーレン";
  private static final String EP5 = "[SubsPlease] Sousou no Frieren - 05 (1080p)";
  private static final String EP6 = "[SubsPlease] Sousou no Frieren - 06 (1080p)";

  @Autowired private JdbcClient jdbc;

  @AfterEach
  void reset() {
    TORRENT_SERVICE.clear();
  }

  private static TorrentSnapshot inSeries(TorrentSnapshot s, SeriesRef series, long version) {
    return new TorrentSnapshot(
        s.torrentId(),
        s.infoHash(),
        s.infoHashV2(),
        s.title(),
        s.description(),
        s.category(),
        s.tags(),
        s.size(),
        s.fileCount(),
        s.uploaderId(),
        s.uploaderUsername(),
        s.createdAt(),
        s.updatedAt(),
        version,
        s.release(),
        s.trusted(),
        s.remake(),
        s.complete(),
        series);
  }

  private static SeriesUpdated updated(SeriesRef series, long version, String... alternatives) {
    return new SeriesUpdated(
        series, List.of(alternatives), version, Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  private static List<String> seriesOf(Response response) {
    List<String> slugs = new ArrayList<>();
    response
        .json()
        .get("items")
        .forEach(
            item ->
                slugs.add(
                    item.get("series").isNull()
                        ? "-"
                        : item.get("series").get("slug").asString()
                            + "|"
                            + item.get("series").get("title").asString()));
    return slugs;
  }

  @Test
  void aTorrentIsFoundByEveryTitleOfItsSeriesAndFilteredByIt() {
    String u = uniqueWord("ser");
    String slug = uniqueWord("sousou-no-frieren-");
    SeriesRef series = new SeriesRef(slug, "Sousou no Frieren");
    writer.series(series, List.of(ENGLISH, RUSSIAN, JAPANESE), 1, Instant.now());
    TorrentSnapshot ep5 = inSeries(snapshot(EP5, ANIME, List.of(), u), series, 1);
    TorrentSnapshot ep6 = inSeries(snapshot(EP6, ANIME, List.of(), u), series, 1);
    TorrentSnapshot other = snapshot("[Other] Dungeon Meshi - 05 (1080p)", ANIME, List.of(), u);
    index(ep5, ep6, other);

    assertThat(search("q", RUSSIAN, "uploader", u).titles()).containsExactlyInAnyOrder(EP5, EP6);
    assertThat(search("q", "фрирен", "uploader", u).total()).isEqualTo(2);
    assertThat(search("q", "beyond journey's end", "uploader", u).total()).isEqualTo(2);
    assertThat(search("q", "フリーレン", "uploader", u).total()).isEqualTo(2);
    // The release markers still narrow within the series' titles.
    assertThat(search("q", RUSSIAN, "uploader", u, "episode", "5").titles()).containsExactly(EP5);

    Response filtered = search("series", slug.toUpperCase(), "uploader", u);
    assertThat(filtered.titles()).containsExactlyInAnyOrder(EP5, EP6);
    assertThat(seriesOf(filtered)).containsOnly(slug + "|Sousou no Frieren");
    assertThat(seriesOf(search("q", "dungeon", "uploader", u))).containsExactly("-");
    assertThat(search("series", slug, "q", "dungeon", "uploader", u).total()).isZero();
    assertThat(search("series", slug, "q", "05", "uploader", u).titles()).containsExactly(EP5);
    assertThat(search("series", slug, "q", "05", "uploader", u, "tag", "x").total()).isZero();
    assertThat(search("series", "no-such-series", "uploader", u).total()).isZero();

    JsonNode facets = search("uploader", u).json().get("facets").get("series");
    assertThat(facets).hasSize(1);
    assertThat(facets.get(0).get("slug").asString()).isEqualTo(slug);
    assertThat(facets.get(0).get("title").asString()).isEqualTo("Sousou no Frieren");
    assertThat(facets.get(0).get("count").asLong()).isEqualTo(2);

    // Leaving the series drops its titles from the torrent's text.
    index(inSeries(ep6, null, 2));
    assertThat(search("q", RUSSIAN, "uploader", u).titles()).containsExactly(EP5);
    assertThat(search("series", slug, "uploader", u).titles()).containsExactly(EP5);
  }

  @Test
  void aTorrentsOwnTitleRanksAboveItsSeriesTitles() {
    String u = uniqueWord("rank");
    String word = uniqueWord("journey");
    SeriesRef series = new SeriesRef(uniqueWord("s-"), "Sousou no Frieren");
    writer.series(series, List.of("Frieren " + word), 1, Instant.now());
    String own = "Soundtrack " + word + " collection";
    index(
        inSeries(snapshot(EP5, ANIME, List.of(), u), series, 1),
        snapshot(own, MUSIC, List.of(), u));

    assertThat(search("q", word, "uploader", u).titles()).containsExactly(own, EP5);
  }

  @Test
  void seriesUpdatedAfterItsTorrentsRefreshesThemAll() {
    String u = uniqueWord("after");
    String slug = uniqueWord("frieren-");
    SeriesRef before = new SeriesRef(slug, "Frieren (working title)");
    TorrentSnapshot ep5 = inSeries(snapshot(EP5, ANIME, List.of(), u), before, 1);
    TorrentSnapshot ep6 = inSeries(snapshot(EP6, ANIME, List.of(), u), before, 1);
    publish(Topics.TORRENT_EVENTS, ep5.infoHash(), new TorrentCreated(ep5));
    publish(Topics.TORRENT_EVENTS, ep6.infoHash(), new TorrentCreated(ep6));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("series", slug, "uploader", u).total() == 2);
    assertThat(search("q", "working title", "uploader", u).total()).isEqualTo(2);
    assertThat(search("q", RUSSIAN, "uploader", u).total()).isZero();

    SeriesRef renamed = new SeriesRef(slug, "Sousou no Frieren");
    publish(Topics.TORRENT_EVENTS, "series-" + slug, updated(renamed, 1, RUSSIAN, ENGLISH));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("q", RUSSIAN, "uploader", u).total() == 2);
    assertThat(seriesOf(search("uploader", u))).containsOnly(slug + "|Sousou no Frieren");
    // The old main title is gone from the text, the torrents' own words stay.
    assertThat(search("q", "working title", "uploader", u).total()).isZero();
    assertThat(search("q", "subsplease 05", "uploader", u).titles()).containsExactly(EP5);
    // The refreshed text still marks the series for a text search narrowed to it.
    assertThat(search("series", slug, "q", "subsplease", "uploader", u).total()).isEqualTo(2);
  }

  @Test
  void seriesUpdatedBeforeItsTorrentsIsTakenByThemOnArrival() {
    String u = uniqueWord("before");
    String slug = uniqueWord("frieren-");
    publish(
        Topics.TORRENT_EVENTS,
        "series-" + slug,
        updated(new SeriesRef(slug, "Sousou no Frieren"), 3, RUSSIAN));
    await().atMost(Duration.ofSeconds(30)).until(() -> seriesVersion(slug) == 3);

    // A snapshot made before the rename still carries the old title: the series row wins.
    TorrentSnapshot ep5 =
        inSeries(snapshot(EP5, ANIME, List.of(), u), new SeriesRef(slug, "Old title"), 1);
    publish(Topics.TORRENT_EVENTS, ep5.infoHash(), new TorrentCreated(ep5));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> search("q", RUSSIAN, "uploader", u).total() == 1);
    assertThat(seriesOf(search("uploader", u))).containsExactly(slug + "|Sousou no Frieren");
    assertThat(search("q", "old title", "uploader", u).total()).isZero();
  }

  @Test
  void aSnapshotAndASeriesUpdateCommittingTogetherConverge() throws Exception {
    String u = uniqueWord("race");
    List<String> slugs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String slug = uniqueWord("race-");
        slugs.add(slug);
        SeriesRef ref = new SeriesRef(slug, "Working title");
        TorrentSnapshot torrent =
            inSeries(snapshot(EP5 + " " + round, ANIME, List.of(), u), ref, 1);
        CountDownLatch start = new CountDownLatch(1);
        Future<?> snapshot =
            pool.submit(
                () -> {
                  start.await();
                  return writer.snapshots(List.of(torrent));
                });
        Future<?> series =
            pool.submit(
                () -> {
                  start.await();
                  return writer.series(
                      new SeriesRef(slug, "Sousou no Frieren"), List.of(RUSSIAN), 1, Instant.now());
                });
        start.countDown();
        snapshot.get(30, TimeUnit.SECONDS);
        series.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(search("q", RUSSIAN, "uploader", u, "size", "100").total()).isEqualTo(20);
    assertThat(search("q", "working title", "uploader", u).total()).isZero();
    assertThat(seriesOf(search("uploader", u, "size", "100")))
        .hasSize(20)
        .allMatch(series -> series.endsWith("|Sousou no Frieren"));
  }

  @Test
  void anOlderSeriesVersionIsIgnored() {
    String u = uniqueWord("stale");
    SeriesRef series = new SeriesRef(uniqueWord("frieren-"), "Sousou no Frieren");
    assertThat(writer.series(series, List.of(RUSSIAN), 5, Instant.now())).isZero();
    index(inSeries(snapshot(EP5, ANIME, List.of(), u), series, 1));

    SeriesRef older = new SeriesRef(series.slug(), "Stale name");
    assertThat(writer.series(older, List.of(ENGLISH), 4, Instant.now())).isEqualTo(-1);
    assertThat(writer.series(older, List.of(ENGLISH), 5, Instant.now())).isEqualTo(-1);
    assertThat(search("q", "beyond journey", "uploader", u).total()).isZero();
    assertThat(search("q", RUSSIAN, "uploader", u).total()).isEqualTo(1);
    assertThat(seriesOf(search("uploader", u)))
        .containsExactly(series.slug() + "|Sousou no Frieren");

    assertThat(writer.series(older, List.of(ENGLISH), 6, Instant.now())).isEqualTo(1);
    assertThat(search("q", "beyond journey", "uploader", u).total()).isEqualTo(1);
    assertThat(search("q", RUSSIAN, "uploader", u).total()).isZero();
  }

  @Test
  void hostileAndHugeSeriesTitlesAreHarmless() {
    String u = uniqueWord("hostile");
    String word = uniqueWord("marker");
    String hostile = "'); drop table torrent_doc; -- & | ! <-> :* \\ \" <script>alert(1)</script>";
    String huge = (word + " ").repeat(5_000);
    SeriesRef series = new SeriesRef(uniqueWord("evil-"), hostile);
    writer.series(series, List.of(huge, hostile, "\u0000\u0007 control"), 1, Instant.now());
    index(inSeries(snapshot("Plain release", ANIME, List.of(), u), series, 1));

    assertThat(search("q", word, "uploader", u).titles()).containsExactly("Plain release");
    assertThat(search("q", "drop table", "uploader", u).total()).isEqualTo(1);
    search("q", hostile, "uploader", u).assertStatus(200);
    assertThat(seriesOf(search("uploader", u))).containsExactly(series.slug() + "|" + hostile);
    search("series", hostile, "uploader", u).assertStatus(200);
    search("series", "x".repeat(101)).assertStatus(400);
    assertThat(search("uploader", u).total()).isEqualTo(1);
  }

  @Test
  void feedsTakeTheSeriesFilter() {
    String u = uniqueWord("feed");
    SeriesRef series = new SeriesRef(uniqueWord("feed-"), "Sousou no Frieren");
    index(
        inSeries(snapshot(EP5, ANIME, List.of(), u), series, 1),
        snapshot("Unrelated " + u, ANIME, List.of(), u));

    Response rss = get("/rss?uploader=" + u + "&series=" + series.slug(), null).assertStatus(200);
    assertThat(rss.body()).contains("Sousou no Frieren - 05").doesNotContain("Unrelated");
    assertThat(get("/rss?series=" + "y".repeat(101), null).status()).isEqualTo(400);
  }

  @Test
  void reindexPullsTheSeriesAndTheTorrentsSeries() {
    String u = uniqueWord("reser");
    String slug = uniqueWord("reindexed-");
    SeriesRef series = new SeriesRef(slug, "Sousou no Frieren");
    // Pages of two: the series that matters comes last, on the second page.
    TORRENT_SERVICE.put(new ListedSeries("a-" + slug, "First", List.of(), 1, Instant.now()));
    TORRENT_SERVICE.put(new ListedSeries("b-" + slug, "Second", List.of(), 1, Instant.now()));
    TORRENT_SERVICE.put(
        new ListedSeries(slug, "Sousou no Frieren", List.of(RUSSIAN), 2, Instant.now()));
    TorrentSnapshot ep5 = inSeries(snapshot(EP5, ANIME, List.of(), u), series, 1);
    TORRENT_SERVICE.put(new Listed(ep5, 3, 1, 2, Instant.now(), 0, 0));

    JsonNode report = post("/internal/reindex").assertStatus(200).json();
    assertThat(report.get("seriesApplied").asInt()).isEqualTo(3);
    assertThat(search("q", RUSSIAN, "uploader", u).titles()).containsExactly(EP5);
    assertThat(search("series", slug).titles()).containsExactly(EP5);
  }

  private long seriesVersion(String slug) {
    return jdbc.sql("select coalesce(max(version), -1) from series where slug = :slug")
        .param("slug", slug)
        .query(Long.class)
        .single();
  }
}
