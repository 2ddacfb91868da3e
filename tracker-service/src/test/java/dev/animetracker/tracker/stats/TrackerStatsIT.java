package dev.animetracker.tracker.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.config.TrackerLifecycle;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.support.Uris;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** An announce to a registered torrent shows up on {@code tracker-stats} at the next flush. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "animetracker.tracker.port=0",
      "animetracker.tracker.bind-address=127.0.0.1",
      "animetracker.tracker.torrent-service-url=http://127.0.0.1:1",
      "animetracker.tracker.stats-flush-interval=500ms"
    })
class TrackerStatsIT {

  private static final PeerId PEER = PeerId.ofText("-qB5020-statsstats01");
  private static final String WHITELIST_LISTENER = "tracker-whitelist";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerRedis(registry);
    Infrastructure.registerKafka(registry);
  }

  @Autowired TrackerLifecycle tracker;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JsonMapper mapper;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void announcedSwarmIsPublished() throws Exception {
    MessageListenerContainer container = listeners.getListenerContainer(WHITELIST_LISTENER);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty());

    String hex = randomHex();
    InfoHash hash = InfoHash.fromHex(hex);
    EventEnvelope created = EventEnvelope.wrap(hex, new TorrentCreated(snapshot(hex)), mapper);
    kafka.send(Topics.TORRENT_EVENTS, hex, mapper.writeValueAsString(created)).get();

    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.TRACKER_STATS));
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(announce(http, hash)).contains("8:interval"));

      List<SwarmStats> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (hex.equals(record.key())) {
                    EventEnvelope envelope = EventEnvelope.parse(record.value(), mapper);
                    seen.add(envelope.payloadAs(SwarmStats.class, mapper));
                  }
                }
                return !seen.isEmpty();
              });

      SwarmStats stats = seen.getFirst();
      assertThat(stats.infoHash()).isEqualTo(hex);
      assertThat(stats.seeders()).isZero();
      assertThat(stats.leechers()).isEqualTo(1);
      assertThat(stats.completed()).isZero();
      assertThat(stats.observedAt()).isNotNull();
    }
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "tracker-stats-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private String announce(HttpClient http, InfoHash hash) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + tracker.port()
                            + Uris.announce(hash, PEER, 6881, 1000, "")))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    return response.body();
  }

  private static TorrentSnapshot snapshot(String hex) {
    return new TorrentSnapshot(
        1,
        hex,
        null,
        "title",
        "description",
        null,
        List.of(),
        1000,
        1,
        7,
        "uploader",
        Instant.now(),
        Instant.now(),
        1,
        null,
        false,
        false,
        false,
        null);
  }

  private static String randomHex() {
    byte[] random = new byte[20];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
