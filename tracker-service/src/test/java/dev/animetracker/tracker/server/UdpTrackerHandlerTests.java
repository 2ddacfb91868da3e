package dev.animetracker.tracker.server;

import static dev.animetracker.tracker.support.Uris.HASH;
import static dev.animetracker.tracker.support.Uris.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.UdpRequestDecoder;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class UdpTrackerHandlerTests {

  private static final InetSocketAddress TRACKER = new InetSocketAddress("192.0.2.100", 6969);
  private static final InetSocketAddress CLIENT = new InetSocketAddress("198.51.100.20", 40000);
  private static final InetSocketAddress OTHER = new InetSocketAddress("198.51.100.30", 40001);

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ConnectionIds ids = ConnectionIds.withSecret("udp test", clock);
  private final InMemoryWhitelist whitelist = new InMemoryWhitelist();
  private final TrackerSettings settings = TrackerSettings.defaults();
  private final InMemorySwarms swarms =
      new InMemorySwarms(whitelist, settings, clock, new SplittableRandom(3));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TrackerMetrics metrics = new TrackerMetrics(registry, swarms);

  UdpTrackerHandlerTests() {
    whitelist.register(HASH, null);
  }

  private EmbeddedChannel channel(AnnounceService service) {
    return new EmbeddedChannel(new UdpTrackerHandler(service, ids, settings, metrics));
  }

  /** Sends one datagram and returns the single reply, or null. */
  private static ByteBuf exchange(EmbeddedChannel channel, InetSocketAddress from, ByteBuf packet) {
    channel.writeInbound(new DatagramPacket(packet, TRACKER, from));
    channel.runPendingTasks();
    DatagramPacket reply = channel.readOutbound();
    if (reply == null) {
      return null;
    }
    assertThat(reply.recipient()).isEqualTo(from);
    assertThat((DatagramPacket) channel.readOutbound()).isNull();
    return reply.content();
  }

  private static ByteBuf connectPacket(int transactionId) {
    return Unpooled.buffer()
        .writeLong(UdpRequestDecoder.PROTOCOL_ID)
        .writeInt(0)
        .writeInt(transactionId);
  }

  private static ByteBuf announcePacket(
      long connectionId, int transactionId, PeerId peer, long left, int event, int port) {
    return Unpooled.buffer()
        .writeLong(connectionId)
        .writeInt(1)
        .writeInt(transactionId)
        .writeBytes(HASH.bytes())
        .writeBytes(peer.bytes())
        .writeLong(0)
        .writeLong(left)
        .writeLong(0)
        .writeInt(event)
        .writeInt(0)
        .writeInt(0)
        .writeInt(-1)
        .writeShort(port);
  }

  private static ByteBuf scrapePacket(long connectionId, int transactionId, InfoHash... hashes) {
    ByteBuf packet = Unpooled.buffer().writeLong(connectionId).writeInt(2).writeInt(transactionId);
    for (InfoHash hash : hashes) {
      packet.writeBytes(hash.bytes());
    }
    return packet;
  }

  private long connect(EmbeddedChannel channel, InetSocketAddress from) {
    ByteBuf reply = exchange(channel, from, connectPacket(99));
    assertThat(reply.readableBytes()).isEqualTo(16);
    assertThat(reply.readInt()).isZero();
    assertThat(reply.readInt()).isEqualTo(99);
    return reply.readLong();
  }

  private static String errorMessage(ByteBuf reply, int transactionId) {
    assertThat(reply.readInt()).isEqualTo(3);
    assertThat(reply.readInt()).isEqualTo(transactionId);
    return reply.toString(StandardCharsets.UTF_8);
  }

  @Test
  void connectAnnounceAndScrapeRoundTrip() {
    EmbeddedChannel channel = channel(swarms);
    long seederId = connect(channel, OTHER);
    ByteBuf first =
        exchange(
            channel,
            OTHER,
            announcePacket(seederId, 1, PeerId.ofText("-TS0001-000000000001"), 0, 2, 7001));
    assertThat(first.readInt()).isEqualTo(1);

    long id = connect(channel, CLIENT);
    assertThat(ids.isValid(id, CLIENT)).isTrue();
    ByteBuf announce = exchange(channel, CLIENT, announcePacket(id, 0x1234, PEER, 500, 2, 6881));
    assertThat(announce.readInt()).isEqualTo(1);
    assertThat(announce.readInt()).isEqualTo(0x1234);
    assertThat(announce.readInt()).isBetween(1800, 1980);
    assertThat(announce.readInt()).as("leechers").isEqualTo(1);
    assertThat(announce.readInt()).as("seeders").isEqualTo(1);
    assertThat(ByteBufUtil.getBytes(announce)).containsExactly(198, 51, 100, 30, 0x1b, 0x59);

    InfoHash unknown = InfoHash.fromHex("9999999999999999999999999999999999999999");
    ByteBuf scrape = exchange(channel, CLIENT, scrapePacket(id, 0x5678, HASH, unknown));
    assertThat(scrape.readInt()).isEqualTo(2);
    assertThat(scrape.readInt()).isEqualTo(0x5678);
    assertThat(List.of(scrape.readInt(), scrape.readInt(), scrape.readInt()))
        .containsExactly(1, 0, 1);
    assertThat(List.of(scrape.readInt(), scrape.readInt(), scrape.readInt()))
        .containsExactly(0, 0, 0);
    assertThat(scrape.isReadable()).isFalse();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void theConnectionIdStillWorksTwoMinutesLaterButNotFiveMinutesLater() {
    EmbeddedChannel channel = channel(swarms);
    long id = connect(channel, CLIENT);
    clock.advance(Duration.ofMinutes(2));
    assertThat(exchange(channel, CLIENT, announcePacket(id, 1, PEER, 1, 0, 6881)).getInt(0))
        .isEqualTo(1);
    clock.advance(Duration.ofMinutes(3));
    assertThat(errorMessage(exchange(channel, CLIENT, announcePacket(id, 2, PEER, 1, 0, 6881)), 2))
        .isEqualTo("connection id expired");
  }

  @Test
  void aBadConnectionIdGetsAnErrorPacket() {
    EmbeddedChannel channel = channel(swarms);
    long id = connect(channel, CLIENT);
    assertThat(errorMessage(exchange(channel, OTHER, announcePacket(id, 7, PEER, 1, 0, 6881)), 7))
        .isEqualTo("connection id expired");
    assertThat(errorMessage(exchange(channel, CLIENT, scrapePacket(id + 1, 8, HASH)), 8))
        .isEqualTo("connection id expired");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aNewPeerBeyondTheAddressCapGetsAnErrorPacket() {
    EmbeddedChannel channel = channel(swarms);
    long id = connect(channel, CLIENT);
    for (int n = 1; n <= settings.maxPeersPerIpPerSwarm(); n++) {
      PeerId peer = PeerId.ofText("-TS0001-%012d".formatted(n));
      ByteBuf reply = exchange(channel, CLIENT, announcePacket(id, n, peer, 1, 2, 6881 + n));
      assertThat(reply.readInt()).isEqualTo(1);
    }
    PeerId extra = PeerId.ofText("-TS0001-999999999999");
    assertThat(
            errorMessage(exchange(channel, CLIENT, announcePacket(id, 77, extra, 1, 2, 6999)), 77))
        .isEqualTo("too many peers from your address");
  }

  @Test
  void anUnregisteredInfoHashGetsAnErrorPacket() {
    whitelist.unregister(HASH, null);
    EmbeddedChannel channel = channel(swarms);
    long id = connect(channel, CLIENT);
    assertThat(errorMessage(exchange(channel, CLIENT, announcePacket(id, 5, PEER, 1, 0, 6881)), 5))
        .isEqualTo("torrent not registered on this tracker");
  }

  @Test
  void portZeroGetsAnErrorPacket() {
    EmbeddedChannel channel = channel(swarms);
    long id = connect(channel, CLIENT);
    assertThat(errorMessage(exchange(channel, CLIENT, announcePacket(id, 5, PEER, 1, 0, 0)), 5))
        .isEqualTo("invalid port: 0");
  }

  @Test
  void garbageWithATransactionIdGetsAnErrorAndShorterGarbageIsDropped() {
    EmbeddedChannel channel = channel(swarms);
    ByteBuf garbage =
        Unpooled.buffer().writeLong(0xdeadbeefL).writeInt(7).writeInt(0x42).writeZero(16);
    assertThat(errorMessage(exchange(channel, CLIENT, garbage), 0x42)).isEqualTo("unknown action");
    assertThat(exchange(channel, CLIENT, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}))).isNull();
    assertThat(exchange(channel, CLIENT, Unpooled.buffer())).isNull();
    assertThat(channel.isOpen()).isTrue();
    assertThat(channel.isActive()).isTrue();
    connect(channel, CLIENT);
  }

  @Test
  void noRequestWithoutAValidConnectionIdIsAnsweredWithMoreBytesThanItCarried() {
    EmbeddedChannel channel = channel(swarms);
    long id = connect(channel, CLIENT);
    List<ByteBuf> spoofable =
        List.of(
            Unpooled.buffer().writeLong(0xdeadbeefL).writeInt(7).writeInt(1),
            Unpooled.buffer().writeLong(0x1234L).writeInt(0).writeInt(2),
            Unpooled.buffer().writeLong(id + 1).writeInt(1).writeInt(3),
            scrapePacket(id + 1, 4, HASH),
            announcePacket(id + 1, 5, PEER, 1, 0, 6881),
            Unpooled.buffer().writeLong(id).writeInt(1).writeInt(6).writeZero(4));
    for (ByteBuf packet : spoofable) {
      int requestBytes = packet.readableBytes();
      ByteBuf reply = exchange(channel, OTHER, packet);
      if (reply != null) {
        assertThat(reply.readableBytes()).isLessThanOrEqualTo(requestBytes);
      }
    }
    assertThat(
            exchange(channel, OTHER, Unpooled.buffer().writeLong(0x1234L).writeInt(0).writeInt(2)))
        .as("a connect with a wrong protocol id would need 27 bytes to answer 16")
        .isNull();
    assertThat(errorMessage(exchange(channel, OTHER, scrapePacket(id, 8, HASH)), 8))
        .isEqualTo("connection id expired");
  }

  @Test
  void aStoreFailureBecomesAnErrorPacketAndTheChannelStaysOpen() {
    AnnounceService broken =
        new AnnounceService() {
          @Override
          public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
            return CompletableFuture.failedFuture(new IllegalStateException("redis down"));
          }

          @Override
          public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
            throw new IllegalStateException("redis down");
          }
        };
    EmbeddedChannel channel = channel(broken);
    long id = connect(channel, CLIENT);
    assertThat(errorMessage(exchange(channel, CLIENT, announcePacket(id, 5, PEER, 1, 0, 1)), 5))
        .isEqualTo(Replies.INTERNAL_ERROR);
    assertThat(channel.isOpen()).isTrue();
    channel.writeInbound(new DatagramPacket(scrapePacket(id, 6, HASH), TRACKER, CLIENT));
    assertThat(channel.isOpen()).isTrue();
    connect(channel, CLIENT);
  }

  @Test
  void aLateAnswerIsSentWhenTheStoreCompletes() {
    CompletableFuture<AnnounceResult> later = new CompletableFuture<>();
    AnnounceService slow =
        new AnnounceService() {
          @Override
          public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
            return later;
          }

          @Override
          public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
            return swarms.scrape(request);
          }
        };
    EmbeddedChannel channel = channel(slow);
    long id = connect(channel, CLIENT);
    assertThat(exchange(channel, CLIENT, announcePacket(id, 5, PEER, 1, 0, 1))).isNull();
    later.complete(new AnnounceResult(60, 30, 0, 0, 0, List.of()));
    channel.runPendingTasks();
    DatagramPacket reply = channel.readOutbound();
    assertThat(reply.recipient()).isEqualTo(CLIENT);
    assertThat(reply.content().readableBytes()).isEqualTo(20);
    assertThat(reply.content().getInt(8)).isEqualTo(60);
  }

  @Test
  void anIpv6ClientReceivesEighteenBytePeers() {
    InetSocketAddress v6a = new InetSocketAddress("2001:db8::a", 5000);
    InetSocketAddress v6b = new InetSocketAddress("2001:db8::b", 5001);
    EmbeddedChannel channel = channel(swarms);
    exchange(
        channel,
        v6a,
        announcePacket(
            connect(channel, v6a), 1, PeerId.ofText("-TS0001-000000000001"), 0, 2, 5000));
    exchange(
        channel,
        CLIENT,
        announcePacket(
            connect(channel, CLIENT), 2, PeerId.ofText("-TS0001-000000000002"), 0, 2, 6000));
    ByteBuf reply =
        exchange(channel, v6b, announcePacket(connect(channel, v6b), 3, PEER, 1, 2, 5001));
    reply.skipBytes(20);
    assertThat(reply.readableBytes()).isEqualTo(18);
    byte[] peer = ByteBufUtil.getBytes(reply);
    assertThat(peer).startsWith(0x20, 0x01, 0x0d, 0xb8).endsWith(0, 0x0a, 0x13, 0x88);
  }
}
