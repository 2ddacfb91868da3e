package dev.animetracker.tracker.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.config.TrackerLifecycle;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.UdpRequestDecoder;
import dev.animetracker.tracker.support.Uris;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Torrent events reach the whitelist of a running tracker, served over HTTP and UDP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "animetracker.tracker.port=0",
      "animetracker.tracker.bind-address=127.0.0.1",
      "animetracker.tracker.torrent-service-url=http://127.0.0.1:1"
    })
class TrackerWhitelistIT {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final PeerId PEER = PeerId.ofText("-qB5020-abcdefghijkl");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerRedis(registry);
    Infrastructure.registerKafka(registry);
  }

  private static HttpClient http;

  @Autowired TrackerLifecycle tracker;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JsonMapper mapper;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @BeforeAll
  static void client() {
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @AfterAll
  static void closeClient() {
    http.close();
  }

  @BeforeEach
  void listenerAssigned() {
    MessageListenerContainer container =
        listeners.getListenerContainer(TorrentEventListener.LISTENER_ID);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty());
  }

  @Test
  void createdTorrentIsServedAndDeletedOneRefused() throws Exception {
    String hex = randomHex(20);
    InfoHash hash = InfoHash.fromHex(hex);

    assertThat(announce(hash)).contains("14:failure reason");

    publish(hex, new TorrentCreated(snapshot(hex, null, 1)));
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(announce(hash)).contains("8:interval"));
    assertThat(announce(InfoHash.fromHex(randomHex(20)))).contains("14:failure reason");

    publish(hex, new TorrentDeleted(1, hex, null, 7, 7, Instant.now(), 2));
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(announce(hash)).contains("14:failure reason"));
  }

  @Test
  void hybridIsServedUnderItsTruncatedV2HashOverUdp() throws Exception {
    String hex = randomHex(20);
    String v2 = randomHex(32);
    InfoHash truncated = InfoHash.fromHex(v2.substring(0, 40));

    publish(hex, new TorrentCreated(snapshot(hex, v2, 1)));
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(announce(truncated)).contains("8:interval"));

    try (DatagramSocket udp = new DatagramSocket()) {
      udp.setSoTimeout(5000);
      ByteBuffer connected =
          exchange(
              udp,
              ByteBuffer.allocate(16)
                  .putLong(UdpRequestDecoder.PROTOCOL_ID)
                  .putInt(0)
                  .putInt(0x1234)
                  .array());
      assertThat(connected.getInt()).isZero();
      assertThat(connected.getInt()).isEqualTo(0x1234);
      long connectionId = connected.getLong();

      ByteBuffer announced = exchange(udp, udpAnnounce(connectionId, truncated, 0x5678));
      assertThat(announced.getInt()).isEqualTo(1);
      assertThat(announced.getInt()).isEqualTo(0x5678);
      assertThat(announced.getInt()).isPositive();

      ByteBuffer refused =
          exchange(udp, udpAnnounce(connectionId, InfoHash.fromHex(randomHex(20)), 0x9abc));
      assertThat(refused.getInt()).isEqualTo(3);
      assertThat(refused.getInt()).isEqualTo(0x9abc);
    }
  }

  private void publish(String key, Object payload) throws Exception {
    EventEnvelope envelope = EventEnvelope.wrap(key, payload, mapper);
    kafka.send(Topics.TORRENT_EVENTS, key, mapper.writeValueAsString(envelope)).get();
  }

  private static TorrentSnapshot snapshot(String hex, String v2, long version) {
    return new TorrentSnapshot(
        1,
        hex,
        v2,
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
        version,
        null,
        false,
        false,
        false,
        null);
  }

  private String announce(InfoHash hash) throws Exception {
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

  private ByteBuffer exchange(DatagramSocket udp, byte[] request) throws Exception {
    udp.send(new DatagramPacket(request, request.length, LOOPBACK, tracker.port()));
    byte[] reply = new byte[1500];
    DatagramPacket received = new DatagramPacket(reply, reply.length);
    udp.receive(received);
    return ByteBuffer.wrap(reply, 0, received.getLength());
  }

  private static byte[] udpAnnounce(long connectionId, InfoHash hash, int transactionId) {
    return ByteBuffer.allocate(98)
        .putLong(connectionId)
        .putInt(1)
        .putInt(transactionId)
        .put(hash.bytes())
        .put(PEER.bytes())
        .putLong(0)
        .putLong(1000)
        .putLong(0)
        .putInt(2)
        .putInt(0)
        .putInt(42)
        .putInt(-1)
        .putShort((short) 6881)
        .array();
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
