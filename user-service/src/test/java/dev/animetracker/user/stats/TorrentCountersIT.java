package dev.animetracker.user.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.user.ApiTestSupport;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code torrent-events} from a plain producer change the counters of the profiles, once each. */
class TorrentCountersIT extends ApiTestSupport {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static KafkaProducer<String, String> producer;

  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startProducer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void uploadsAndDownloadsAreCountedOnTheProfile() {
    TestUser uploader = registerVerified("Upl");
    TestUser downloader = registerVerified("Dl");
    String infoHash = infoHash();
    TorrentSnapshot torrent = snapshot(7001, infoHash, uploader.id());

    publish(infoHash, new TorrentCreated(torrent));
    awaitCounters(uploader, 1, 0);

    publish(infoHash, new TorrentDownloaded(7001, infoHash, downloader.id(), Instant.now(), 1));
    publish(infoHash, new TorrentDownloaded(7001, infoHash, downloader.id(), Instant.now(), 2));
    awaitCounters(downloader, 0, 2);
    assertThat(counters(uploader)).containsExactly(1L, 0L);

    // Through the API as well.
    JsonNode me =
        get("/api/users/me", accessToken(uploader.username(), uploader.password())).json();
    assertThat(me.get("uploadCount").asLong()).isEqualTo(1);
    assertThat(me.get("downloadCount").asLong()).isZero();
    JsonNode profile = get("/api/users/" + downloader.username(), null).json();
    assertThat(profile.get("downloadCount").asLong()).isEqualTo(2);

    publish(infoHash, deleted(7001, infoHash, uploader.id()));
    awaitCounters(uploader, 0, 0);
  }

  @Test
  void theSameEventTwiceCountsOnce() {
    TestUser user = registerVerified("Twice");
    String infoHash = infoHash();
    EventEnvelope created =
        EventEnvelope.wrap(infoHash, new TorrentCreated(snapshot(7002, infoHash, user.id())), JSON);
    EventEnvelope downloaded =
        EventEnvelope.wrap(
            infoHash, new TorrentDownloaded(7002, infoHash, user.id(), Instant.now(), 1), JSON);

    send(created);
    send(created);
    send(downloaded);
    send(downloaded);
    // Same key, same partition: a later event seen means both copies were consumed before it.
    publish(infoHash, new TorrentDownloaded(7002, infoHash, user.id(), Instant.now(), 2));

    awaitCounters(user, 1, 2);
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id in (:a, :b)")
                .param("a", created.id())
                .param("b", downloaded.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void deletionsNeverTakeTheCounterBelowZero() {
    TestUser user = registerVerified("Del");
    String infoHash = infoHash();

    publish(infoHash, deleted(7003, infoHash, user.id()));
    publish(infoHash, deleted(7004, infoHash, user.id()));
    publish(infoHash, new TorrentCreated(snapshot(7005, infoHash, user.id())));

    awaitCounters(user, 1, 0);
  }

  @Test
  void unreadableRecordsOtherTypesAndUnknownUsersDoNotBlockLaterEvents() {
    TestUser user = registerVerified("Poison");
    String infoHash = infoHash();

    send(infoHash, "this is not JSON {");
    send(infoHash, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"torrent.created\"}");
    send(
        infoHash,
        "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"torrent.created\",\"payload\":[1]}");
    publish(infoHash, new TorrentUpdated(snapshot(7006, infoHash, user.id()), user.id()));
    publish(infoHash, new TorrentCreated(snapshot(7007, infoHash, 987_654_321L)));
    publish(infoHash, new TorrentDownloaded(7007, infoHash, 987_654_321L, Instant.now(), 1));
    publish(infoHash, new TorrentCreated(snapshot(7008, infoHash, user.id())));

    awaitCounters(user, 1, 0);
    assertThat(
            jdbc.sql("select count(*) from users where id = 987654321").query(Long.class).single())
        .isZero();
  }

  private void awaitCounters(TestUser user, long uploads, long downloads) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(counters(user)).containsExactly(uploads, downloads));
  }

  private List<Long> counters(TestUser user) {
    return jdbc.sql("select upload_count, download_count from users where id = :id")
        .param("id", user.id())
        .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private static void publish(String key, Object payload) {
    send(EventEnvelope.wrap(key, payload, JSON));
  }

  private static void send(EventEnvelope envelope) {
    send(envelope.key(), JSON.writeValueAsString(envelope));
  }

  private static void send(String key, String value) {
    try {
      producer
          .send(new ProducerRecord<>(Topics.TORRENT_EVENTS, key, value))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + Topics.TORRENT_EVENTS, e);
    }
  }

  private static TorrentDeleted deleted(long torrentId, String infoHash, long uploaderId) {
    return new TorrentDeleted(torrentId, infoHash, null, uploaderId, uploaderId, Instant.now(), 2);
  }

  private static TorrentSnapshot snapshot(long torrentId, String infoHash, long uploaderId) {
    Instant now = Instant.now();
    return new TorrentSnapshot(
        torrentId,
        infoHash,
        null,
        "Cowboy Bebop [BD 1080p]",
        "All 26 episodes",
        new CategoryRef(1, "anime-series", "Аниме-сериалы", "Anime series"),
        List.of(new TagRef("bd", "BD")),
        1_234_567_890L,
        26,
        uploaderId,
        "uploader",
        now,
        now,
        1,
        null,
        false,
        false,
        false,
        null);
  }

  private static String infoHash() {
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
