package dev.animetracker.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.search.index.ReadModelWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The read model fed through Kafka. Events of one torrent share its key, hence a partition and an
 * order; a final marker event proves the earlier ones were processed before asserting that they
 * changed nothing.
 */
class EventsIT extends SearchTestSupport {

  private static final Logger log = LoggerFactory.getLogger(EventsIT.class);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired JdbcClient jdbc;

  private static final java.util.Random RANDOM_CATEGORY = new java.util.Random();

  private static void created(TorrentSnapshot s) {
    publish(Topics.TORRENT_EVENTS, s.infoHash(), new TorrentCreated(s));
  }

  private static void updated(TorrentSnapshot s) {
    publish(Topics.TORRENT_EVENTS, s.infoHash(), new TorrentUpdated(s, 1));
  }

  private JsonNode awaitItem(String uploader, java.util.function.Predicate<JsonNode> condition) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              JsonNode items = search("uploader", uploader).json().get("items");
              return items.isEmpty() ? null : items.get(0);
            },
            item -> item != null && condition.test(item));
  }

  /** The torrent of this uploader once its title is this one. */
  private JsonNode awaitTitle(String uploader, String title) {
    return awaitItem(uploader, item -> item.get("title").asString().equals(title));
  }

  @Test
  void anUploadIsSearchableSoonAfterItsEvent() {
    String u = uniqueWord("lat");
    String word = uniqueWord("fresh");
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String episode = word + " episode " + i;
      TorrentSnapshot s = snapshot(episode, ANIME, List.of(), u);
      long start = System.nanoTime();
      created(s);
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> search("q", episode, "uploader", u).ids().contains(s.torrentId()));
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    // Functional arrival only; the latency figures are reported in docs/search-service.md.
    log.info("torrent.created published -> searchable, ms: {}", millis);
    assertThat(millis).hasSize(10);
  }

  @Test
  void replayingTheSameEventsLeavesTheSameState() {
    String u = uniqueWord("idem");
    TorrentSnapshot s = snapshot("Idempotent v1", ANIME, List.of("one"), u);
    EventEnvelope create = EventEnvelope.wrap(s.infoHash(), new TorrentCreated(s), JSON);
    TorrentSnapshot v2 = with(s, "Idempotent v2", "", s.size(), s.createdAt(), 2);
    EventEnvelope update = EventEnvelope.wrap(s.infoHash(), new TorrentUpdated(v2, 1), JSON);
    Instant observed = Instant.now().truncatedTo(ChronoUnit.MICROS);
    EventEnvelope stats =
        EventEnvelope.wrap(s.infoHash(), new SwarmStats(s.infoHash(), 5, 2, 9, observed), JSON);
    EventEnvelope download =
        EventEnvelope.wrap(
            s.infoHash(), new TorrentDownloaded(s.torrentId(), s.infoHash(), 7, observed, 3), JSON);
    EventEnvelope comment =
        envelope(
            Long.toString(s.torrentId()),
            new CommentCreated(2, s.torrentId(), "t", 42, 7, "bob", "hi", observed, 2),
            observed);
    for (int round = 0; round < 3; round++) {
      publish(Topics.TORRENT_EVENTS, s.infoHash(), create);
      publish(Topics.TORRENT_EVENTS, s.infoHash(), update);
      publish(Topics.TRACKER_STATS, s.infoHash(), stats);
      publish(Topics.TORRENT_EVENTS, s.infoHash(), download);
      publish(Topics.COMMENT_EVENTS, Long.toString(s.torrentId()), comment);
    }
    JsonNode item =
        awaitItem(
            u,
            i ->
                i.get("title").asString().equals("Idempotent v2")
                    && i.get("seeders").asInt() == 5
                    && i.get("downloads").asLong() == 3
                    && i.get("comments").asInt() == 2);
    String state = row(s.infoHash());
    // Replaying everything once more, then a marker behind it on each topic.
    publish(Topics.TORRENT_EVENTS, s.infoHash(), create);
    publish(Topics.TORRENT_EVENTS, s.infoHash(), update);
    publish(Topics.TRACKER_STATS, s.infoHash(), stats);
    publish(Topics.TORRENT_EVENTS, s.infoHash(), download);
    publish(Topics.COMMENT_EVENTS, Long.toString(s.torrentId()), comment);
    awaitMarkers(s);
    assertThat(row(s.infoHash())).isEqualTo(state);
    assertThat(item.get("leechers").asInt()).isEqualTo(2);
    assertThat(item.get("completed").asLong()).isEqualTo(9);
    assertThat(search("uploader", u).total()).isEqualTo(1);
  }

  @Test
  void olderSnapshotsStatsDownloadsAndCommentsArriveLateAndChangeNothing() {
    String u = uniqueWord("ooo");
    TorrentSnapshot v1 = snapshot("Order v1", ANIME, List.of(), u);
    TorrentSnapshot v3 = with(v1, "Order v3", "", v1.size(), v1.createdAt(), 3);
    TorrentSnapshot v2 = with(v1, "Order v2", "", v1.size(), v1.createdAt(), 2);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String key = Long.toString(v1.torrentId());
    created(v1);
    updated(v3);
    updated(v2);
    publish(Topics.TRACKER_STATS, v1.infoHash(), new SwarmStats(v1.infoHash(), 10, 1, 5, now));
    publish(
        Topics.TRACKER_STATS,
        v1.infoHash(),
        new SwarmStats(v1.infoHash(), 1, 1, 1, now.minusSeconds(30)));
    publish(
        Topics.TORRENT_EVENTS,
        v1.infoHash(),
        new TorrentDownloaded(v1.torrentId(), v1.infoHash(), 1, now, 8));
    publish(
        Topics.TORRENT_EVENTS,
        v1.infoHash(),
        new TorrentDownloaded(v1.torrentId(), v1.infoHash(), 1, now, 6));
    publish(
        Topics.COMMENT_EVENTS,
        key,
        envelope(key, new CommentCreated(1, v1.torrentId(), "t", 42, 1, "a", "x", now, 4), now));
    publish(
        Topics.COMMENT_EVENTS,
        key,
        envelope(
            key,
            new CommentDeleted(1, v1.torrentId(), 1, now.minusSeconds(5), 3),
            now.minusSeconds(5)));
    awaitMarkers(v1);
    JsonNode item = search("uploader", u).json().get("items").get(0);
    assertThat(item.get("title").asString()).isEqualTo("Order v3");
    assertThat(item.get("seeders").asInt()).isEqualTo(10);
    assertThat(item.get("downloads").asLong()).isEqualTo(8);
    assertThat(item.get("comments").asInt()).isEqualTo(4);
    assertThat(search("q", "order v2", "uploader", u).ids()).isEmpty();
  }

  @Test
  void aCategoryRenameShowsOnItsTorrentsAndOlderSnapshotsDoNotUndoIt() {
    String u = uniqueWord("cat");
    CategoryRef before =
        new CategoryRef(9100 + RANDOM_CATEGORY.nextInt(800), uniqueWord("c"), "Старое", "Old");
    TorrentSnapshot s = snapshot("Renamed category torrent", before, List.of(), u);
    created(s);
    awaitItem(u, item -> item.get("category").get("name").asString().equals("Старое"));

    CategoryRef after = new CategoryRef(before.id(), before.slug(), "Новое", "New");
    String key = "category-" + before.id();
    publish(Topics.TORRENT_EVENTS, key, new CategoryUpdated(after, Instant.now()));
    awaitItem(u, item -> item.get("category").get("name").asString().equals("Новое"));

    // A replayed snapshot still carries the old names; a stale rename arrives late.
    updated(with(s, s.title(), "", s.size(), s.createdAt(), 2));
    publish(
        Topics.TORRENT_EVENTS,
        key,
        new CategoryUpdated(
            new CategoryRef(before.id(), before.slug(), "Стейл", "Stale"),
            Instant.now().minusSeconds(60)));
    awaitMarkers(s);
    // A marker rename on the same key (so the same partition) shows the stale one was processed.
    long markerCategory = before.id() + 1000;
    publish(
        Topics.TORRENT_EVENTS,
        key,
        new CategoryUpdated(
            new CategoryRef(markerCategory, uniqueWord("m"), "М", "M"), Instant.now()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("select count(*) from category where id = :id")
                        .param("id", markerCategory)
                        .query(Long.class)
                        .single()
                    == 1);
    JsonNode item = search("uploader", u).json().get("items").get(0);
    assertThat(item.get("category").get("name").asString()).isEqualTo("Новое");
    assertThat(
            get("/api/search?uploader=" + u, "en")
                .json()
                .get("items")
                .get(0)
                .get("category")
                .get("name")
                .asString())
        .isEqualTo("New");
  }

  @Test
  void aCategoryWithoutTorrentsIsListedInTorznabCaps() {
    // torrent-service announces every category, so Prowlarr can map one before its first upload.
    CategoryRef empty =
        new CategoryRef(
            9100 + RANDOM_CATEGORY.nextInt(800), uniqueWord("light-novel"), "Ранобэ", "Novels");
    publish(
        Topics.TORRENT_EVENTS, "category-" + empty.id(), new CategoryUpdated(empty, Instant.now()));
    String subcat = "<subcat id=\"" + (100_000 + empty.id()) + "\" name=\"Novels\"";
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get("/torznab/api?t=caps", null).body().contains(subcat));
    String caps = get("/torznab/api?t=caps", null).body();
    String books = caps.substring(caps.indexOf("<category id=\"7000\""));
    assertThat(books.substring(0, books.indexOf("</category>"))).contains(subcat);
  }

  @Test
  void aDeletionHidesTheTorrentAndALateUpdateCannotResurrectIt() {
    String u = uniqueWord("del");
    TorrentSnapshot v1 = snapshot("Doomed torrent", ANIME, List.of(), u);
    created(v1);
    awaitTitle(u, "Doomed torrent");
    long before = search("category", "anime-eng").total();
    publish(
        Topics.TORRENT_EVENTS,
        v1.infoHash(),
        new TorrentDeleted(v1.torrentId(), v1.infoHash(), null, 42, 42, Instant.now(), 3));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> search("uploader", u).total() == 0);
    assertThat(search("category", "anime-eng").total()).isEqualTo(before - 1);
    // A late update older than the deletion, and a repeated creation, change nothing.
    updated(with(v1, "Resurrected?", "", v1.size(), v1.createdAt(), 2));
    created(v1);
    awaitMarkers(v1);
    assertThat(search("uploader", u).total()).isZero();
    assertThat(search("q", "resurrected").titles()).doesNotContain("Resurrected?");
  }

  @Test
  void statsBeforeTheTorrentAreKeptUntilItArrives() {
    String u = uniqueWord("early");
    TorrentSnapshot s = snapshot("Early stats", ANIME, List.of(), u);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    publish(Topics.TRACKER_STATS, s.infoHash(), new SwarmStats(s.infoHash(), 11, 4, 20, now));
    String key = Long.toString(s.torrentId());
    publish(
        Topics.COMMENT_EVENTS,
        key,
        envelope(key, new CommentCreated(9, s.torrentId(), "t", 42, 1, "a", "x", now, 1), now));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql("select count(*) from torrent_doc where info_hash = :h and seeders = 11")
                        .param("h", s.infoHash())
                        .query(Long.class)
                        .single()
                    == 1);
    // Invisible until the snapshot arrives.
    assertThat(search("uploader", u).total()).isZero();
    created(s);
    JsonNode item = awaitTitle(u, "Early stats");
    assertThat(item.get("seeders").asInt()).isEqualTo(11);
    assertThat(item.get("leechers").asInt()).isEqualTo(4);
    assertThat(item.get("completed").asLong()).isEqualTo(20);
    awaitItem(u, i -> i.get("comments").asInt() == 1);
  }

  @Test
  void statsFromTwoTrackerInstancesNeverLowerCompleted() {
    String hash = randomHash(40);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    // Instance B read Redis after a completion instance A had not seen, but A stamped later.
    writer.stats(List.of(new ReadModelWriter.Stats(hash, 3, 2, 8, now)));
    writer.stats(List.of(new ReadModelWriter.Stats(hash, 4, 1, 7, now.plusMillis(5))));
    assertThat(statsRow(hash)).containsExactly(4L, 1L, 8L);
    // A late snapshot that knows of more completions raises the count, not the peer counts.
    assertThat(
            writer.stats(List.of(new ReadModelWriter.Stats(hash, 9, 9, 10, now.minusSeconds(1)))))
        .isOne();
    assertThat(statsRow(hash)).containsExactly(4L, 1L, 10L);
    // Neither newer nor more completions: nothing changes.
    assertThat(
            writer.stats(List.of(new ReadModelWriter.Stats(hash, 9, 9, 10, now.minusSeconds(1)))))
        .isZero();
  }

  private List<Long> statsRow(String hash) {
    return jdbc.sql("select seeders, leechers, completed from torrent_doc where info_hash = :h")
        .param("h", hash)
        .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  @Test
  void unreadableEventsAreSkippedAndTheNextOnesStillApply() {
    String u = uniqueWord("poison");
    TorrentSnapshot s = snapshot("After poison", ANIME, List.of(), u);
    send(Topics.TORRENT_EVENTS, s.infoHash(), "not json at all");
    send(Topics.TORRENT_EVENTS, s.infoHash(), "{\"id\":\"" + java.util.UUID.randomUUID() + "\"}");
    send(
        Topics.TORRENT_EVENTS,
        s.infoHash(),
        JSON.writeValueAsString(
            Map.of(
                "id", java.util.UUID.randomUUID().toString(),
                "type", "torrent.created",
                "version", 1,
                "occurredAt", Instant.now().toString(),
                "key", s.infoHash(),
                "payload", Map.of("torrent", Map.of("torrentId", 1, "infoHash", "nothex")))));
    send(Topics.TRACKER_STATS, s.infoHash(), "{\"broken\":");
    created(s);
    awaitTitle(u, "After poison");
  }

  /**
   * A marker torrent whose created, stats and comment events go to the partitions of this torrent's
   * keys: once the marker is fully visible, every earlier event of the torrent was processed.
   */
  private void awaitMarkers(TorrentSnapshot s) {
    TorrentSnapshot marker = snapshot("marker", ANIME, List.of(), uniqueWord("mark"));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String key = Long.toString(marker.torrentId());
    sendTo(
        Topics.TORRENT_EVENTS,
        partition(Topics.TORRENT_EVENTS, s.infoHash()),
        marker.infoHash(),
        EventEnvelope.wrap(marker.infoHash(), new TorrentCreated(marker), JSON));
    sendTo(
        Topics.TRACKER_STATS,
        partition(Topics.TRACKER_STATS, s.infoHash()),
        marker.infoHash(),
        EventEnvelope.wrap(
            marker.infoHash(), new SwarmStats(marker.infoHash(), 1, 0, 0, now), JSON));
    sendTo(
        Topics.COMMENT_EVENTS,
        partition(Topics.COMMENT_EVENTS, Long.toString(s.torrentId())),
        key,
        envelope(key, new CommentCreated(1, marker.torrentId(), "m", 1, 1, "m", "m", now, 1), now));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                            """
                            select count(*) from torrent_doc d
                            join comment_count c on c.torrent_id = d.id
                            where d.info_hash = :h and d.live and d.seeders = 1
                            """)
                        .param("h", marker.infoHash())
                        .query(Long.class)
                        .single()
                    == 1);
  }

  private String row(String infoHash) {
    return jdbc.sql(
            """
            select d::text || coalesce((select c::text from comment_count c where c.torrent_id = d.id), '')
            from torrent_doc d where info_hash = :h
            """)
        .param("h", infoHash)
        .query(String.class)
        .single();
  }
}
