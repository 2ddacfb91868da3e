package dev.animetracker.torrent.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 item 4: releases of one show land in one series, its page groups them by episode and
 * group (best seeded first), its titles are editable by the right people and searchable, uploads
 * and edits can name it, concurrent creators end with one series, and the internal listing and the
 * backfill serve search-service.
 */
class SeriesIT extends TorrentApiTestSupport {

  private static final Random RANDOM = new Random();
  private static KafkaProducer<String, String> producer;

  @Autowired private JdbcClient jdbc;
  @Autowired private SeriesMatcher matcher;
  @Autowired private SeriesBackfill backfill;
  @Autowired private PlatformTransactionManager transactions;

  @BeforeAll
  static void producer() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer = new KafkaProducer<>(properties);
  }

  @AfterAll
  static void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void releasesOfOneShowFormOneSeriesGroupedByEpisodeAndGroupBestSeededFirst() throws Exception {
    User uploader = user("grouper");
    String show = show();
    JsonNode subs05 = uploaded(randomTorrent("[SubsPlease] " + show + " - 05 (1080p)"), uploader);
    JsonNode subs05sd = uploaded(randomTorrent("[SubsPlease] " + show + " - 05 (720p)"), uploader);
    JsonNode erai05 = uploaded(randomTorrent("[Erai-raws] " + show + " - 05 [1080p]"), uploader);
    JsonNode subs04 = uploaded(randomTorrent("[SubsPlease] " + show + " - 04 (1080p)"), uploader);
    JsonNode batch =
        uploaded(randomTorrent("[Judas] " + show + " (Season 1) [1080p][Batch]"), uploader);
    JsonNode range = uploaded(randomTorrent("[Judas] " + show + " - 01 ~ 12 [1080p]"), uploader);
    JsonNode second = uploaded(randomTorrent("[SubsPlease] " + show + " S02E01 [1080p]"), uploader);
    String slug = subs05.get("series").get("slug").asString();
    assertThat(subs05.get("series").get("title").asString()).isEqualTo(show);
    for (JsonNode torrent : List.of(subs05sd, erai05, subs04, batch, range, second)) {
      assertThat(torrent.get("series").get("slug").asString()).isEqualTo(slug);
    }
    JsonNode other =
        uploaded(
            randomTorrent("OST and extras " + show()),
            Map.of("series", slug.toUpperCase()),
            user("ost"));
    assertThat(other.get("series").get("slug").asString())
        .as("an explicit slug wins over the parsed title")
        .isEqualTo(slug);

    seed(subs05, 3);
    seed(subs05sd, 7);
    seed(erai05, 10);
    seed(subs04, 1);

    JsonNode page = get("/api/series/" + slug).assertStatus(200).json();
    assertThat(page.get("title").asString()).isEqualTo(show);
    assertThat(page.get("releaseCount").asLong()).isEqualTo(8);
    assertThat(page.get("canEdit").asBoolean()).as("anonymous").isFalse();
    List<String> labels = new ArrayList<>();
    page.get("episodes").forEach(episode -> labels.add(episode.get("label").asString()));
    assertThat(labels).containsExactly("batch", "01–12", "04", "05", "01", "other");
    JsonNode first = page.get("episodes").get(0);
    assertThat(first.get("batch").asBoolean()).isTrue();
    assertThat(first.get("season").asInt()).isEqualTo(1);
    JsonNode ranged = page.get("episodes").get(1);
    assertThat(ranged.get("batch").asBoolean()).isTrue();
    assertThat(ranged.get("episodeFrom").asInt()).isEqualTo(1);
    assertThat(ranged.get("episodeTo").asInt()).isEqualTo(12);
    JsonNode five = page.get("episodes").get(3);
    assertThat(five.get("episodeFrom").asInt()).isEqualTo(5);
    assertThat(five.get("groups").get(0).get("group").asString()).isEqualTo("Erai-raws");
    JsonNode subsGroup = five.get("groups").get(1);
    assertThat(subsGroup.get("group").asString()).isEqualTo("SubsPlease");
    assertThat(ids(subsGroup.get("torrents")))
        .containsExactly(subs05sd.get("id").asLong(), subs05.get("id").asLong());
    JsonNode item = subsGroup.get("torrents").get(0);
    assertThat(item.get("seeders").asInt()).isEqualTo(7);
    assertThat(item.has("files")).as("list items leave the files out").isFalse();
    assertThat(item.get("release").get("resolution").asString()).isEqualTo("720p");
    assertThat(five.get("season").isNull()).as("not stated").isTrue();
    assertThat(page.get("episodes").get(4).get("season").asInt()).isEqualTo(2);
    assertThat(page.get("episodes").get(5).get("groups").get(0).get("group").isNull()).isTrue();
    assertThat(get("/api/series/" + slug, uploader).json().get("canEdit").asBoolean()).isTrue();

    get("/api/series/no-such-series-" + System.nanoTime()).assertProblem(404, "series-not-found");
    get("/api/series/%3Cscript%3E").assertProblem(404, "series-not-found");
  }

  @Test
  void onlyModeratorsAndUploadersEditAndTheNewTitlesAreSearchable() {
    User uploader = user("titler");
    String show = show();
    JsonNode torrent = uploaded(randomTorrent("[ASW] " + show + " - 01 [1080p]"), uploader);
    String slug = torrent.get("series").get("slug").asString();
    String english = "Sky " + show() + ": The Journey's End";
    String russian = "Путь " + show() + " небесный";
    Map<String, Object> body =
        Map.of(
            "titles",
            Map.of("english", english, "russian", russian),
            "anilistId",
            154587,
            "synonyms",
            List.of("Alias " + show()));

    patchJson("/api/series/" + slug, body, null).assertProblem(401, "unauthorized");
    patchJson("/api/series/" + slug, body, user("stranger")).assertProblem(403, "forbidden");
    JsonNode patched = patchJson("/api/series/" + slug, body, uploader).assertStatus(200).json();
    assertThat(patched.get("titles").get("english").asString()).isEqualTo(english);
    assertThat(patched.get("titles").get("romaji").isNull()).isTrue();
    assertThat(patched.get("links").get("anilist").asString())
        .isEqualTo("https://anilist.co/anime/154587");
    assertThat(patched.get("links").get("myanimelist").isNull()).isTrue();
    assertThat(patched.get("version").asLong()).isEqualTo(2);

    JsonNode event =
        awaitEvent(
            "series.updated",
            payload ->
                payload.get("series").get("slug").asString().equals(slug)
                    && payload.get("version").asLong() == 2);
    assertThat(event.get("key").asString()).isEqualTo("series-" + slug);
    List<String> alternatives = new ArrayList<>();
    event.get("payload").get("alternativeTitles").forEach(t -> alternatives.add(t.asString()));
    assertThat(alternatives).contains(english, russian).doesNotContain(show);

    // Case, punctuation and spacing do not matter; any part of any title finds the series.
    String russianWord = russian.split(" ")[2].toUpperCase();
    assertThat(slugs(get("/api/series?q=" + encode(russianWord + "  НЕБЕСНЫЙ!")).json()))
        .containsExactly(slug);
    assertThat(slugs(get("/api/series?q=" + encode("journeys END")).json())).contains(slug);
    assertThat(slugs(get("/api/series?q=" + encode(show.toLowerCase())).json())).contains(slug);
    assertThat(get("/api/series?size=5").assertStatus(200).json().get("size").asInt()).isEqualTo(5);

    JsonNode moderated =
        patchJson("/api/series/" + slug, Map.of("malId", 52991), moderator("mod"))
            .assertStatus(200)
            .json();
    assertThat(moderated.get("links").get("myanimelist").asString())
        .isEqualTo("https://myanimelist.net/anime/52991");
    assertThat(moderated.get("titles").get("english").asString()).isEqualTo(english);

    // Clearing a title with null; the main title cannot be cleared.
    JsonNode cleared =
        patchJson("/api/series/" + slug, mapOf("titles", mapOf("english", null)), uploader)
            .assertStatus(200)
            .json();
    assertThat(cleared.get("titles").get("english").isNull()).isTrue();
    assertThat(cleared.get("titles").get("russian").asString()).isEqualTo(russian);
    assertThat(slugs(get("/api/series?q=" + encode("journeys END")).json())).doesNotContain(slug);
    patchJson("/api/series/" + slug, mapOf("title", null), uploader)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void badSeriesInputIsRefusedAndChangesNothing() {
    User uploader = user("bad-series");
    String show = show();
    JsonNode torrent = uploaded(randomTorrent("[ASW] " + show + " - 02 [1080p]"), uploader);
    String slug = torrent.get("series").get("slug").asString();
    String takenTitle = show();
    JsonNode otherSeries =
        postJson("/api/series", Map.of("title", takenTitle), user("maker"))
            .assertStatus(201)
            .json();
    assertThat(otherSeries.get("slug").asString()).isEqualTo(SeriesTitles.slug(takenTitle));

    for (Map<String, Object> bad :
        List.of(
            Map.<String, Object>of("title", "x".repeat(301)),
            Map.<String, Object>of("title", "bad\u0007title"),
            Map.<String, Object>of("title", "!!!"),
            Map.<String, Object>of("titles", Map.of("klingon", "Qapla")),
            Map.<String, Object>of("titles", "not an object"),
            Map.<String, Object>of(
                "synonyms", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")),
            Map.<String, Object>of("anilistId", 0),
            Map.<String, Object>of("malId", 2_000_000_001L),
            Map.<String, Object>of("anidbId", "12"),
            Map.<String, Object>of("slug", "hijack"))) {
      JsonNode problem =
          patchJson("/api/series/" + slug, bad, uploader)
              .assertProblem(400, "validation-failed")
              .json();
      assertThat(problem.get("errors").size()).as(bad.toString()).isPositive();
    }
    send("PATCH", "/api/series/" + slug, "[]".getBytes(), "application/json", uploader, Map.of())
        .assertProblem(400, "validation-failed");

    // Another series' title: 409, and the series keeps what it had.
    JsonNode conflict =
        patchJson(
                "/api/series/" + slug,
                Map.of("titles", Map.of("english", takenTitle.toUpperCase() + "!")),
                uploader)
            .assertProblem(409, "series-title-taken")
            .json();
    assertThat(conflict.get("series").asString()).isEqualTo(otherSeries.get("slug").asString());
    JsonNode unchanged = get("/api/series/" + slug).json();
    assertThat(unchanged.get("titles").get("english").isNull()).isTrue();
    assertThat(unchanged.get("version").asLong()).isEqualTo(1);
    postJson("/api/series", Map.of("title", show), user("dup"))
        .assertProblem(409, "series-title-taken");
    postJson("/api/series", Map.of("titles", Map.of("english", "No Main")), user("m"))
        .assertProblem(400, "validation-failed");
    postJson("/api/series", Map.of("title", "Anon " + show()), null)
        .assertProblem(401, "unauthorized");

    // HTML and SQL in titles are plain text.
    String injected = "<script>alert(1)</script>'; drop table series; -- " + show();
    JsonNode made =
        postJson("/api/series", Map.of("title", injected), user("inj")).assertStatus(201).json();
    assertThat(made.get("title").asString()).isEqualTo(injected);
    assertThat(made.get("slug").asString()).matches(SeriesTitles.SLUG.pattern());
    assertThat(get("/api/series/" + made.get("slug").asString()).json().get("title").asString())
        .isEqualTo(injected);

    // The list's bounds.
    get("/api/series?q=" + "a".repeat(201)).assertProblem(400, "validation-failed");
    get("/api/series?size=101").assertProblem(400, "validation-failed");
    get("/api/series?page=-1").assertProblem(400, "validation-failed");
  }

  @Test
  void seriesMadeByHandAreLimitedPerAccount() {
    User maker = user("squatter");
    for (int i = 0; i < 10; i++) {
      postJson("/api/series", Map.of("title", show()), maker).assertStatus(201);
    }
    String last = show();
    Response refused =
        postJson("/api/series", Map.of("title", last), maker)
            .assertProblem(429, "series-quota-exceeded");
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(get("/api/series?q=" + encode(last)).json().get("total").asLong()).isZero();
    postJson("/api/series", Map.of("title", last), user("other-maker")).assertStatus(201);
  }

  @Test
  void uploadsAndEditsNameTheSeriesAndUnknownSlugsAreFieldErrors() {
    User uploader = user("namer");
    String show = show();
    String target =
        postJson("/api/series", Map.of("title", show()), uploader)
            .assertStatus(201)
            .json()
            .get("slug")
            .asString();

    long files = storedFileCount();
    JsonNode refused =
        upload(
                randomTorrent("[G] " + show + " - 01"),
                Map.of("category", "anime-eng", "series", "no-such-series-" + System.nanoTime()),
                uploader)
            .assertProblem(400, "validation-failed")
            .json();
    assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("series");
    upload(
            randomTorrent("[G] " + show + " - 01"),
            Map.of("category", "anime-eng", "series", "../etc"),
            uploader)
        .assertProblem(400, "validation-failed");
    assertThat(storedFileCount()).isEqualTo(files);
    assertThat(get("/api/series?q=" + encode(show)).json().get("total").asLong())
        .as("a refused upload creates no series")
        .isZero();

    JsonNode torrent = uploaded(randomTorrent("[G] " + show + " - 01"), uploader);
    long id = torrent.get("id").asLong();
    String matched = torrent.get("series").get("slug").asString();
    assertThat(matched).isNotEqualTo(target);

    patchJson("/api/torrents/" + id, Map.of("series", target), user("stranger"))
        .assertProblem(403, "forbidden");
    JsonNode moved =
        patchJson("/api/torrents/" + id, Map.of("series", target), uploader)
            .assertStatus(200)
            .json();
    assertThat(moved.get("series").get("slug").asString()).isEqualTo(target);
    long movedVersion = moved.get("version").asLong();
    awaitEvent(
        "torrent.updated",
        payload ->
            payload.get("torrent").get("torrentId").asLong() == id
                && payload.get("torrent").get("version").asLong() == movedVersion
                && payload.get("torrent").get("series").get("slug").asString().equals(target));

    patchJson("/api/torrents/" + id, Map.of("series", "nope-" + System.nanoTime()), uploader)
        .assertProblem(400, "validation-failed");
    patchJson("/api/torrents/" + id, Map.of("series", 5), uploader)
        .assertProblem(400, "validation-failed");
    assertThat(get("/api/torrents/" + id).json().get("series").get("slug").asString())
        .isEqualTo(target);

    JsonNode detached =
        patchJson("/api/torrents/" + id, mapOf("series", null), moderator("mod"))
            .assertStatus(200)
            .json();
    assertThat(detached.get("series").isNull()).isTrue();
    assertThat(get("/api/series/" + matched).json().get("releaseCount").asLong()).isZero();

    JsonNode rematched =
        patchJson("/api/torrents/" + id, Map.of("series", ""), uploader).assertStatus(200).json();
    assertThat(rematched.get("series").get("slug").asString())
        .as("an empty series finds it from the title again")
        .isEqualTo(matched);
  }

  @Test
  void twoUploadsOfANewShowAtOnceEndWithOneSeries() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        String show = show();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> uploads = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
          byte[] file = randomTorrent("[Race" + i + "] " + show + " - 0" + i + " [1080p]");
          User user = user("racer" + i);
          uploads.add(
              pool.submit(
                  () -> {
                    start.await();
                    return uploaded(file, user);
                  }));
        }
        start.countDown();
        String first =
            uploads.get(0).get(30, TimeUnit.SECONDS).get("series").get("slug").asString();
        String second =
            uploads.get(1).get(30, TimeUnit.SECONDS).get("series").get("slug").asString();
        assertThat(second).isEqualTo(first);
        assertThat(
                jdbc.sql("select count(*) from series where title = :title")
                    .param("title", show)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCreatorWaitingOnAnotherCreatorsKeyTakesItsSeries() throws Exception {
    String show = show();
    ParsedRelease release = new ReleaseParser().parse("[A] " + show + " - 01", List.of());
    TransactionTemplate template = new TransactionTemplate(transactions);
    // Own threads: the common pool may have one thread on two cores, and the first one blocks.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch firstMatched = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    CompletableFuture<Series> first =
        CompletableFuture.supplyAsync(
            () ->
                template.execute(
                    status -> {
                      Series created = matcher.match(release, 1L);
                      firstMatched.countDown();
                      awaitLatch(commitFirst);
                      return created;
                    }),
            threads);
    assertThat(firstMatched.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Series> second =
        CompletableFuture.supplyAsync(
            () -> template.execute(status -> matcher.match(release, 2L)), threads);
    // The second creator's claim of the key waits for the first transaction.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            """
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                        """)
                        .query(Long.class)
                        .single()
                    > 0);
    commitFirst.countDown();
    Series winner = first.get(30, TimeUnit.SECONDS);
    Series loser = second.get(30, TimeUnit.SECONDS);
    assertThat(loser.id()).isEqualTo(winner.id());
    assertThat(loser.createdBy()).isEqualTo(1L);
    threads.shutdown();
    assertThat(
            jdbc.sql("select count(*) from series where title = :title")
                .param("title", show)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theInternalListingAndTheSnapshotsCarryTheSeries() {
    User uploader = user("internal");
    String show = show();
    JsonNode torrent = uploaded(randomTorrent("[ASW] " + show + " - 03 [1080p]"), uploader);
    String slug = torrent.get("series").get("slug").asString();
    String english = "Eng " + show();
    patchJson("/api/series/" + slug, Map.of("titles", Map.of("english", english)), uploader)
        .assertStatus(200);

    get("/internal/series").assertProblem(401, "unauthorized");
    getInternal("/internal/series?limit=0").assertProblem(400, "validation-failed");
    getInternal("/internal/series?limit=1001").assertProblem(400, "validation-failed");
    String before = slug.substring(0, slug.length() - 1);
    JsonNode page =
        getInternal("/internal/series?limit=1&after=" + before).assertStatus(200).json();
    JsonNode item = page.get("items").get(0);
    assertThat(item.get("slug").asString()).isEqualTo(slug);
    assertThat(item.get("title").asString()).isEqualTo(show);
    assertThat(item.get("alternativeTitles").get(0).asString()).isEqualTo(english);
    assertThat(item.get("version").asLong()).isEqualTo(2);
    assertThat(page.get("nextAfter").asString()).isEqualTo(slug);
    JsonNode next =
        getInternal("/internal/series?limit=1000&after=" + slug).assertStatus(200).json();
    next.get("items").forEach(s -> assertThat(s.get("slug").asString()).isGreaterThan(slug));
    assertThat(next.get("nextAfter").isNull()).isTrue();

    long id = torrent.get("id").asLong();
    JsonNode snapshot =
        getInternal("/internal/torrents/snapshots?limit=1&afterId=" + (id - 1))
            .assertStatus(200)
            .json()
            .get("items")
            .get(0);
    assertThat(snapshot.get("torrentId").asLong()).isEqualTo(id);
    assertThat(snapshot.get("series").get("slug").asString()).isEqualTo(slug);
    assertThat(snapshot.get("series").get("title").asString()).isEqualTo(show);
  }

  @Test
  void theBackfillMatchesOlderTorrentsOnceAndAnnouncesThem() {
    User uploader = user("old");
    String show = show();
    JsonNode torrent = uploaded(randomTorrent("[Old] " + show + " - 07 [720p]"), uploader);
    long id = torrent.get("id").asLong();
    JsonNode detached = uploaded(randomTorrent("[Old] " + show() + " - 08 [720p]"), uploader);
    patchJson("/api/torrents/" + detached.get("id").asLong(), mapOf("series", null), uploader)
        .assertStatus(200);
    // As a torrent stored before series existed: no series decided, and none exists yet.
    String oldSlug = torrent.get("series").get("slug").asString();
    jdbc.sql("update torrent set series_id = null, series_matched = false where id = :id")
        .param("id", id)
        .update();
    jdbc.sql("delete from series where slug = :slug").param("slug", oldSlug).update();
    long version = get("/api/torrents/" + id).json().get("version").asLong();

    assertThat(backfill.fill()).isGreaterThanOrEqualTo(1);
    JsonNode filled = get("/api/torrents/" + id).json();
    assertThat(filled.get("series").get("title").asString()).isEqualTo(show);
    assertThat(filled.get("version").asLong()).isEqualTo(version + 1);
    String slug = filled.get("series").get("slug").asString();
    awaitEvent(
        "torrent.updated",
        payload ->
            payload.get("torrent").get("torrentId").asLong() == id
                && payload.get("torrent").get("series").get("slug").asString().equals(slug));
    awaitEvent(
        "series.updated", payload -> payload.get("series").get("slug").asString().equals(slug));

    assertThat(backfill.fill()).as("a second run finds nothing").isZero();
    assertThat(get("/api/torrents/" + detached.get("id").asLong()).json().get("series").isNull())
        .as("a torrent a user detached stays detached")
        .isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode uploaded(byte[] file, User user) {
    return uploaded(file, Map.of(), user);
  }

  /** A show title no other test (or earlier run on this database) uses: two words of letters. */
  private static String show() {
    return word() + " " + word();
  }

  private static String word() {
    StringBuilder word = new StringBuilder().append((char) ('A' + RANDOM.nextInt(26)));
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return word.toString();
  }

  /** Reports {@code seeders} for the torrent from the tracker and waits until they show. */
  private void seed(JsonNode torrent, int seeders) throws Exception {
    String infoHash = torrent.get("infoHash").asString();
    SwarmStats stats = new SwarmStats(infoHash, seeders, 0, 0, Instant.now());
    String value = JSON.writeValueAsString(EventEnvelope.wrap(infoHash, stats, JSON));
    producer
        .send(new ProducerRecord<>(Topics.TRACKER_STATS, infoHash, value))
        .get(10, TimeUnit.SECONDS);
    long id = torrent.get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/torrents/" + id).json().get("seeders").asInt() == seeders);
  }

  private static List<Long> ids(JsonNode torrents) {
    List<Long> ids = new ArrayList<>();
    torrents.forEach(torrent -> ids.add(torrent.get("id").asLong()));
    return ids;
  }

  private static List<String> slugs(JsonNode page) {
    List<String> slugs = new ArrayList<>();
    page.get("items").forEach(item -> slugs.add(item.get("slug").asString()));
    return slugs;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A map that may hold null values (for JSON nulls). */
  private static Map<String, Object> mapOf(String key, Object value) {
    Map<String, Object> map = new HashMap<>();
    map.put(key, value);
    return map;
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
