package dev.animetracker.tracker.server;

import static dev.animetracker.tracker.support.Uris.HASH;
import static dev.animetracker.tracker.support.Uris.PEER;
import static dev.animetracker.tracker.support.Uris.announce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.UdpRequestDecoder;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real sockets, bound to a free loopback port (never the fixed 6969). */
class TrackerServerTests {

  /** Every transport serves both protocols; AUTO resolves to one of them, never to itself. */
  @ParameterizedTest
  @EnumSource(SocketTransport.class)
  void servesHttpAndUdpOnTheSamePortNumber(SocketTransport transport) throws Exception {
    InMemoryWhitelist whitelist = new InMemoryWhitelist();
    whitelist.register(HASH, null);
    TrackerSettings settings = TrackerSettings.defaults();
    InMemorySwarms swarms =
        new InMemorySwarms(whitelist, settings, Clock.systemUTC(), new SplittableRandom());
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (TrackerServer server =
        TrackerServer.start(
            new InetSocketAddress(loopback, 0),
            2,
            transport,
            swarms,
            settings,
            ConnectionIds.withRandomKey(Clock.systemUTC()),
            new TrackerMetrics(new SimpleMeterRegistry(), swarms))) {
      int port = server.port();
      assertThat(port).isPositive();
      assertThat(server.transport())
          .isEqualTo(transport == SocketTransport.AUTO ? SocketTransport.EPOLL : transport);

      HttpResponse<String> response = httpAnnounce(loopback, port);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).startsWith("d8:completei0e").contains("8:interval");

      try (DatagramSocket udp = new DatagramSocket()) {
        udp.setSoTimeout(5000);
        ByteBuffer body = connect(udp, loopback, port, 0x7777);
        assertThat(body.remaining()).isEqualTo(16);
        assertThat(body.getInt()).isZero();
        assertThat(body.getInt()).isEqualTo(0x7777);

        // A scrape of the most hashes allowed (74: 1496 bytes) arrives whole through the batched
        // reads and is answered for every hash.
        long connectionId = body.getLong();
        int hashes = settings.maxScrapeHashes();
        ByteBuffer scrape =
            ByteBuffer.allocate(16 + 20 * hashes)
                .putLong(connectionId)
                .putInt(UdpRequestDecoder.ACTION_SCRAPE)
                .putInt(0x7778);
        for (int i = 0; i < hashes; i++) {
          scrape.put(HASH.bytes());
        }
        udp.send(new DatagramPacket(scrape.array(), scrape.capacity(), loopback, port));
        ByteBuffer scraped = receive(udp);
        assertThat(scraped.getInt()).isEqualTo(UdpRequestDecoder.ACTION_SCRAPE);
        assertThat(scraped.getInt()).isEqualTo(0x7778);
        assertThat(scraped.remaining()).isEqualTo(12 * hashes);
      }
    }
  }

  @Test
  void datagramSlotsHoldTheLargestScrapeAllowed() {
    assertThat(TrackerServer.datagramSlot(1)).isEqualTo(1024);
    assertThat(TrackerServer.datagramSlot(74)).isEqualTo(16 + 20 * 74);
    assertThat(TrackerServer.datagramSlot(1_000_000)).isEqualTo(65_507);
  }

  /**
   * Two trackers on one port, as {@code make cluster} runs two processes on 6969: both bind TCP and
   * UDP ({@code SO_REUSEPORT}), and with a shared connection secret an id issued before one of them
   * stops is accepted by the other (the kernel moves the client to the survivor's sockets).
   */
  @Test
  void twoTrackersShareOnePortAndAcceptEachOthersConnectionIds() throws Exception {
    assertThat(Epoll.isAvailable())
        .as("SO_REUSEPORT sharing needs the epoll transport: %s", Epoll.unavailabilityCause())
        .isTrue();
    InMemoryWhitelist whitelist = new InMemoryWhitelist();
    whitelist.register(HASH, null);
    TrackerSettings settings = TrackerSettings.defaults();
    InMemorySwarms swarms =
        new InMemorySwarms(whitelist, settings, Clock.systemUTC(), new SplittableRandom());
    Supplier<ConnectionIds> sharedSecret =
        () -> ConnectionIds.withSecret("one-secret-for-every-instance", Clock.systemUTC());
    InetAddress loopback = InetAddress.getLoopbackAddress();
    TrackerServer first =
        TrackerServer.start(
            new InetSocketAddress(loopback, 0),
            2,
            swarms,
            settings,
            sharedSecret.get(),
            new TrackerMetrics(new SimpleMeterRegistry(), swarms));
    int port = first.port();
    try (TrackerServer second =
            TrackerServer.start(
                new InetSocketAddress(loopback, port),
                2,
                swarms,
                settings,
                sharedSecret.get(),
                new TrackerMetrics(new SimpleMeterRegistry(), swarms));
        DatagramSocket udp = new DatagramSocket()) {
      assertThat(second.port()).isEqualTo(port);
      udp.setSoTimeout(5000);
      ByteBuffer connected = connect(udp, loopback, port, 0x1111);
      assertThat(connected.getInt()).isZero();
      assertThat(connected.getInt()).isEqualTo(0x1111);
      long connectionId = connected.getLong();

      first.close();

      ByteBuffer announce =
          ByteBuffer.allocate(98)
              .putLong(connectionId)
              .putInt(1)
              .putInt(0x2222)
              .put(HASH.bytes())
              .put(PEER.bytes())
              .putLong(0)
              .putLong(1000)
              .putLong(0)
              .putInt(0)
              .putInt(0)
              .putInt(0)
              .putInt(-1)
              .putShort((short) 6881);
      udp.send(new DatagramPacket(announce.array(), 98, loopback, port));
      ByteBuffer reply = receive(udp);
      assertThat(reply.getInt()).as("action 1 = announce, 3 = error").isEqualTo(1);
      assertThat(reply.getInt()).isEqualTo(0x2222);

      assertThat(httpAnnounce(loopback, port).body()).contains("8:interval");
    } finally {
      first.close();
    }
  }

  private static HttpResponse<String> httpAnnounce(InetAddress host, int port)
      throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      return http.send(
          HttpRequest.newBuilder(
                  URI.create("http://" + host.getHostAddress() + ":" + port + announce("")))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }
  }

  /** Sends a BEP 15 connect request and returns the reply. */
  private static ByteBuffer connect(
      DatagramSocket udp, InetAddress host, int port, int transactionId) throws IOException {
    byte[] connect =
        ByteBuffer.allocate(16)
            .putLong(UdpRequestDecoder.PROTOCOL_ID)
            .putInt(0)
            .putInt(transactionId)
            .array();
    udp.send(new DatagramPacket(connect, connect.length, host, port));
    return receive(udp);
  }

  private static ByteBuffer receive(DatagramSocket udp) throws IOException {
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    udp.receive(packet);
    return ByteBuffer.wrap(buffer, 0, packet.getLength());
  }
}
