package dev.animetracker.torrent.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Swarm counts from {@code tracker-stats} reach the torrent JSON. Records that must be processed in
 * a known order are sent to the same partition: once a later record's effect is visible, the
 * earlier ones were processed too.
 */
class SwarmStatsIT extends TorrentApiTestSupport {

  private static final int PARTITION = 0;

  private static KafkaProducer<String, String> producer;

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
  void statsShowInTheTorrentAndOlderObservationsDoNotOverwrite() {
    User uploader = user("stats");
    JsonNode torrent = uploaded(randomTorrent("stats " + System.nanoTime()), Map.of(), uploader);
    long id = torrent.get("id").asLong();
    String infoHash = torrent.get("infoHash").asString();
    assertThat(torrent.get("seeders").asInt()).isZero();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    publish(infoHash, new SwarmStats(infoHash, 12, 3, 40, now));
    awaitCounts(id, 12, 3, 40);

    // A repeat changes nothing; an older observation published later is dropped.
    publish(infoHash, new SwarmStats(infoHash, 12, 3, 40, now));
    publish(infoHash, new SwarmStats(infoHash, 1, 1, 1, now.minusSeconds(30)));
    JsonNode other =
        uploaded(randomTorrent("stats marker " + System.nanoTime()), Map.of(), uploader);
    String otherHash = other.get("infoHash").asString();
    publish(infoHash, new SwarmStats(otherHash, 5, 6, 7, now));
    awaitCounts(other.get("id").asLong(), 5, 6, 7);
    assertCounts(id, 12, 3, 40);

    // A newer observation wins, even with lower counts.
    publish(infoHash, new SwarmStats(infoHash, 2, 0, 41, now.plusSeconds(10)));
    awaitCounts(id, 2, 0, 41);
  }

  @Test
  void twoTrackerInstancesSnapshotsNeverLowerCompleted() {
    User uploader = user("stats2");
    JsonNode torrent =
        uploaded(randomTorrent("stats two " + System.nanoTime()), Map.of(), uploader);
    long id = torrent.get("id").asLong();
    String infoHash = torrent.get("infoHash").asString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    // Instance B read Redis after a completion instance A had not seen yet, but A stamped later.
    publish(infoHash, new SwarmStats(infoHash, 3, 2, 8, now));
    publish(infoHash, new SwarmStats(infoHash, 4, 1, 7, now.plusMillis(5)));
    awaitCounts(id, 4, 1, 8);

    // A late snapshot that knows of more completions raises the count, not the peer counts.
    publish(infoHash, new SwarmStats(infoHash, 9, 9, 10, now.minusSeconds(1)));
    awaitCounts(id, 4, 1, 10);
  }

  @Test
  void unknownHashesAndUnreadableRecordsDoNotBlockLaterEvents() {
    JsonNode torrent =
        uploaded(randomTorrent("stats after unknown " + System.nanoTime()), Map.of(), user("st"));
    long id = torrent.get("id").asLong();
    String infoHash = torrent.get("infoHash").asString();
    String unknown = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 20);

    publish(unknown, new SwarmStats(unknown, 9, 9, 9, Instant.now()));
    send(new ProducerRecord<>(Topics.TRACKER_STATS, PARTITION, unknown, "not json"));
    // A SwarmStats record refuses a bad hash, so the bad event goes on the wire as raw JSON.
    send(
        new ProducerRecord<>(
            Topics.TRACKER_STATS,
            PARTITION,
            unknown,
            """
            {"id":"%s","type":"tracker.stats","version":1,"occurredAt":"%s","key":"%s",
             "payload":{"infoHash":"not-a-hash","seeders":9,"leechers":9,"completed":9,
                        "observedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), unknown, Instant.now())));
    publish(infoHash, new SwarmStats(infoHash, 4, 5, 6, Instant.now()));

    awaitCounts(id, 4, 5, 6);
  }

  @Test
  void statsOfARemovedTorrentDoNotBlockLaterEvents() {
    User uploader = user("rm");
    JsonNode removed =
        uploaded(randomTorrent("stats removed " + System.nanoTime()), Map.of(), uploader);
    delete("/api/torrents/" + removed.get("id").asLong(), uploader).assertStatus(204);
    JsonNode live = uploaded(randomTorrent("stats live " + System.nanoTime()), Map.of(), uploader);
    String removedHash = removed.get("infoHash").asString();
    String liveHash = live.get("infoHash").asString();

    publish(removedHash, new SwarmStats(removedHash, 1, 2, 3, Instant.now()));
    publish(liveHash, new SwarmStats(liveHash, 7, 8, 9, Instant.now()));

    awaitCounts(live.get("id").asLong(), 7, 8, 9);
  }

  private void awaitCounts(long id, int seeders, int leechers, long completed) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertCounts(id, seeders, leechers, completed));
  }

  private void assertCounts(long id, int seeders, int leechers, long completed) {
    JsonNode json = get("/api/torrents/" + id).assertStatus(200).json();
    assertThat(json.get("seeders").asInt()).as("seeders").isEqualTo(seeders);
    assertThat(json.get("leechers").asInt()).as("leechers").isEqualTo(leechers);
    assertThat(json.get("completed").asLong()).as("completed").isEqualTo(completed);
  }

  /** Sends the stats with this record key, always to the same partition (ordered). */
  private static void publish(String key, SwarmStats stats) {
    String value = JSON.writeValueAsString(EventEnvelope.wrap(key, stats, JSON));
    send(new ProducerRecord<>(Topics.TRACKER_STATS, PARTITION, key, value));
  }

  private static void send(ProducerRecord<String, String> record) {
    try {
      producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not publish to " + record.topic(), e);
    }
  }
}
