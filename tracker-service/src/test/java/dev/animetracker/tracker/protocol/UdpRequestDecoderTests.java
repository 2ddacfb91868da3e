package dev.animetracker.tracker.protocol;

import static dev.animetracker.tracker.support.Uris.HASH;
import static dev.animetracker.tracker.support.Uris.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.support.TestClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UdpRequestDecoderTests {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("198.51.100.20", 40000);
  private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.1", 40000);

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ConnectionIds ids = ConnectionIds.withRandomKey(clock);
  private final TrackerSettings settings =
      TrackerSettings.defaults().withTrustedProxies(Set.of(PROXY.getAddress()));
  private final UdpRequestDecoder decoder = new UdpRequestDecoder(ids, settings);

  static ByteBuf connect(int transactionId) {
    return Unpooled.buffer()
        .writeLong(UdpRequestDecoder.PROTOCOL_ID)
        .writeInt(0)
        .writeInt(transactionId);
  }

  /** A 98-byte announce. */
  static ByteBuf announce(long connectionId, int event, int ip, int numWant, int port) {
    return Unpooled.buffer()
        .writeLong(connectionId)
        .writeInt(1)
        .writeInt(0xcafe)
        .writeBytes(HASH.bytes())
        .writeBytes(PEER.bytes())
        .writeLong(11) // downloaded
        .writeLong(22) // left
        .writeLong(33) // uploaded
        .writeInt(event)
        .writeInt(ip)
        .writeInt(0x5eed)
        .writeInt(numWant)
        .writeShort(port);
  }

  static ByteBuf scrape(long connectionId, int hashes) {
    ByteBuf packet = Unpooled.buffer().writeLong(connectionId).writeInt(2).writeInt(0xbeef);
    for (int i = 0; i < hashes; i++) {
      byte[] hash = HASH.bytes();
      hash[0] = (byte) i;
      packet.writeBytes(hash);
    }
    return packet;
  }

  private UdpRequest decode(ByteBuf packet) {
    return decode(packet, CLIENT);
  }

  private UdpRequest decode(ByteBuf packet, InetSocketAddress from) {
    int readerIndex = packet.readerIndex();
    UdpRequest request = decoder.decode(packet, from);
    assertThat(packet.readerIndex()).isEqualTo(readerIndex);
    return request;
  }

  @Test
  void decodesConnect() {
    assertThat(decode(connect(77))).isEqualTo(new UdpRequest.Connect(77));
  }

  @Test
  void refusesConnectWithoutTheProtocolMagic() {
    ByteBuf packet = Unpooled.buffer().writeLong(1234).writeInt(0).writeInt(77);
    assertThat(decode(packet)).isEqualTo(new UdpRequest.Invalid(77, "invalid protocol id"));
  }

  @Test
  void dropsPacketsTooShortForATransactionId() {
    assertThat(decode(Unpooled.buffer())).isNull();
    assertThat(decode(Unpooled.buffer().writeLong(UdpRequestDecoder.PROTOCOL_ID).writeInt(0)))
        .isNull();
    assertThat(decode(Unpooled.wrappedBuffer(new byte[15]))).isNull();
  }

  @Test
  void decodesAnAnnounce() {
    UdpRequest request = decode(announce(ids.issue(CLIENT), 2, 0, 10, 6881));
    assertThat(request).isInstanceOf(UdpRequest.Announce.class);
    UdpRequest.Announce announce = (UdpRequest.Announce) request;
    assertThat(announce.transactionId()).isEqualTo(0xcafe);
    AnnounceRequest a = announce.request();
    assertThat(a.infoHash()).isEqualTo(HASH);
    assertThat(a.peerId()).isEqualTo(PEER);
    assertThat(a.downloaded()).isEqualTo(11);
    assertThat(a.left()).isEqualTo(22);
    assertThat(a.uploaded()).isEqualTo(33);
    assertThat(a.event()).isEqualTo(AnnounceEvent.STARTED);
    assertThat(a.address()).isEqualTo(CLIENT.getAddress());
    assertThat(a.key()).isEqualTo(OptionalInt.of(0x5eed));
    assertThat(a.numWant()).isEqualTo(10);
    assertThat(a.port()).isEqualTo(6881);
    assertThat(a.transport()).isEqualTo(Transport.UDP);
  }

  @Test
  void mapsEventCodes() {
    long id = ids.issue(CLIENT);
    AnnounceEvent[] expected = {
      AnnounceEvent.NONE, AnnounceEvent.COMPLETED, AnnounceEvent.STARTED, AnnounceEvent.STOPPED
    };
    for (int code = 0; code < 4; code++) {
      UdpRequest.Announce announce = (UdpRequest.Announce) decode(announce(id, code, 0, -1, 1));
      assertThat(announce.request().event()).isEqualTo(expected[code]);
    }
    assertThat(decode(announce(id, 4, 0, -1, 1)))
        .isEqualTo(new UdpRequest.Invalid(0xcafe, "invalid event"));
  }

  @Test
  void defaultsAndCapsNumWant() {
    long id = ids.issue(CLIENT);
    assertThat(((UdpRequest.Announce) decode(announce(id, 0, 0, -1, 1))).request().numWant())
        .isEqualTo(50);
    assertThat(((UdpRequest.Announce) decode(announce(id, 0, 0, -7, 1))).request().numWant())
        .isEqualTo(50);
    assertThat(((UdpRequest.Announce) decode(announce(id, 0, 0, 100_000, 1))).request().numWant())
        .isEqualTo(200);
  }

  @Test
  void capsNumWantSoThatAnIpv6ReplyFitsOneDatagram() {
    InetSocketAddress v6 = new InetSocketAddress("2001:db8::5", 40000);
    UdpRequest.Announce announce =
        (UdpRequest.Announce) decode(announce(ids.issue(v6), 0, 0, 200, 1), v6);
    assertThat(announce.request().numWant()).isEqualTo(79);
    assertThat(20 + 79 * 18).isLessThanOrEqualTo(1452);
  }

  @Test
  void refusesPortZero() {
    assertThat(decode(announce(ids.issue(CLIENT), 0, 0, -1, 0)))
        .isEqualTo(new UdpRequest.Invalid(0xcafe, "invalid port: 0"));
  }

  @Test
  void acceptsTheHighestPort() {
    UdpRequest.Announce announce =
        (UdpRequest.Announce) decode(announce(ids.issue(CLIENT), 0, 0, -1, 65535));
    assertThat(announce.request().port()).isEqualTo(65535);
  }

  @Test
  void refusesNegativeByteCounts() {
    ByteBuf packet = announce(ids.issue(CLIENT), 0, 0, -1, 1);
    packet.setLong(64, -1);
    assertThat(decode(packet)).isEqualTo(new UdpRequest.Invalid(0xcafe, "negative byte count"));
  }

  @Test
  void ignoresTheIpFieldUnlessFromATrustedProxy() {
    int ip = 0xcb007107; // 203.0.113.7
    UdpRequest.Announce direct =
        (UdpRequest.Announce) decode(announce(ids.issue(CLIENT), 0, ip, -1, 1));
    assertThat(direct.request().address()).isEqualTo(CLIENT.getAddress());
    UdpRequest.Announce proxied =
        (UdpRequest.Announce) decode(announce(ids.issue(PROXY), 0, ip, -1, 1), PROXY);
    assertThat(proxied.request().address()).isEqualTo(Addresses.parseLiteral("203.0.113.7"));
  }

  @Test
  void refusesATruncatedAnnounce() {
    ByteBuf packet = announce(ids.issue(CLIENT), 0, 0, -1, 1);
    packet.writerIndex(97);
    assertThat(decode(packet))
        .isEqualTo(new UdpRequest.Invalid(0xcafe, "announce packet too short"));
  }

  @Test
  void refusesAnAnnounceWithAnInvalidConnectionId() {
    long id = ids.issue(CLIENT);
    assertThat(decode(announce(id ^ 1, 0, 0, -1, 1)))
        .isEqualTo(new UdpRequest.Invalid(0xcafe, "connection id expired"));
    assertThat(decode(announce(id, 0, 0, -1, 1), new InetSocketAddress("198.51.100.21", 40000)))
        .isInstanceOf(UdpRequest.Invalid.class);
    // the connection id is checked before the body, so a short packet with a bad id says so
    assertThat(decode(Unpooled.buffer().writeLong(id ^ 1).writeInt(1).writeInt(5)))
        .isEqualTo(new UdpRequest.Invalid(5, "connection id expired"));
  }

  @Test
  void toleratesBep41OptionsAndReadsTheUrlData() {
    String path = "/announce?passkey=0123456789abcdef";
    byte[] url = path.getBytes(StandardCharsets.US_ASCII);
    ByteBuf packet = announce(ids.issue(CLIENT), 0, 0, -1, 6881);
    packet.writeByte(0x1); // NOP
    packet.writeByte(0x2).writeByte(10).writeBytes(url, 0, 10);
    packet.writeByte(0x2).writeByte(url.length - 10).writeBytes(url, 10, url.length - 10);
    packet.writeByte(0x0); // EndOfOptions
    packet.writeBytes(new byte[] {0x2, 0x7f}); // junk after the end
    assertThat(decode(packet)).isInstanceOf(UdpRequest.Announce.class);
    assertThat(new String(UdpRequestDecoder.urlData(packet), StandardCharsets.US_ASCII))
        .isEqualTo(path);
  }

  @Test
  void toleratesTruncatedOrUnknownBep41Options() {
    ByteBuf truncated = announce(ids.issue(CLIENT), 0, 0, -1, 6881);
    truncated.writeByte(0x2).writeByte(50).writeBytes(new byte[10]);
    assertThat(decode(truncated)).isInstanceOf(UdpRequest.Announce.class);
    assertThat(UdpRequestDecoder.urlData(truncated)).isEmpty();

    ByteBuf lengthOnly = announce(ids.issue(CLIENT), 0, 0, -1, 6881).writeByte(0x2);
    assertThat(decode(lengthOnly)).isInstanceOf(UdpRequest.Announce.class);
    assertThat(UdpRequestDecoder.urlData(lengthOnly)).isEmpty();

    ByteBuf unknown = announce(ids.issue(CLIENT), 0, 0, -1, 6881).writeByte(0x9).writeByte(3);
    assertThat(decode(unknown)).isInstanceOf(UdpRequest.Announce.class);
  }

  @Test
  void decodesAScrapeOfUpTo74Hashes() {
    long id = ids.issue(CLIENT);
    UdpRequest.Scrape one = (UdpRequest.Scrape) decode(scrape(id, 1));
    assertThat(one.transactionId()).isEqualTo(0xbeef);
    assertThat(one.request().infoHashes()).hasSize(1);
    UdpRequest.Scrape many = (UdpRequest.Scrape) decode(scrape(id, 74));
    assertThat(many.request().infoHashes()).hasSize(74);
    assertThat(many.request().infoHashes().get(73).bytes()[0]).isEqualTo((byte) 73);
    assertThat(decode(scrape(id, 75)))
        .isEqualTo(new UdpRequest.Invalid(0xbeef, "too many info hashes (at most 74)"));
  }

  @Test
  void refusesAScrapeWithoutWholeHashes() {
    long id = ids.issue(CLIENT);
    assertThat(decode(scrape(id, 0))).isInstanceOf(UdpRequest.Invalid.class);
    assertThat(decode(scrape(id, 1).writeByte(1))).isInstanceOf(UdpRequest.Invalid.class);
  }

  @Test
  void refusesUnknownActions() {
    long id = ids.issue(CLIENT);
    for (int action : new int[] {3, 4, -1}) {
      ByteBuf packet = Unpooled.buffer().writeLong(id).writeInt(action).writeInt(9);
      assertThat(decode(packet)).isEqualTo(new UdpRequest.Invalid(9, "unknown action"));
    }
  }

  @Test
  void neverThrowsOnRandomPackets() {
    Random random = new Random(42);
    long id = ids.issue(CLIENT);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      ByteBuf packet = Unpooled.wrappedBuffer(bytes);
      if (bytes.length >= 16 && random.nextBoolean()) {
        packet.setLong(0, id);
        packet.setInt(8, random.nextInt(3));
      }
      UdpRequest request = decode(packet);
      assertThat(request == null).isEqualTo(bytes.length < 16);
    }
  }

  @Test
  void readsFromTheReaderIndex() {
    ByteBuf packet = Unpooled.buffer().writeBytes(new byte[] {9, 9, 9});
    packet.writeBytes(connect(5));
    packet.readerIndex(3);
    assertThat(decode(packet)).isEqualTo(new UdpRequest.Connect(5));
  }
}
