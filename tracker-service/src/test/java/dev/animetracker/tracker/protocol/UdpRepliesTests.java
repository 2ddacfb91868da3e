package dev.animetracker.tracker.protocol;

import static dev.animetracker.tracker.support.Uris.HASH;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UdpRepliesTests {

  private static final Peer V4 =
      new Peer(PeerId.ofText("-TR4050-111111111111"), Addresses.parseLiteral("10.0.0.2"), 6881);
  private static final Peer V6 =
      new Peer(PeerId.ofText("-TR4050-222222222222"), Addresses.parseLiteral("2001:db8::2"), 443);

  private static String hex(Consumer<ByteBuf> writer) {
    ByteBuf out = Unpooled.buffer();
    writer.accept(out);
    return HexFormat.of().formatHex(ByteBufUtil.getBytes(out));
  }

  private static AnnounceRequest from(InetAddress address) {
    return new AnnounceRequest(
        HASH,
        PeerId.ofText("-qB5020-000000000000"),
        address,
        6881,
        0,
        0,
        1,
        AnnounceEvent.NONE,
        50,
        true,
        true,
        OptionalInt.empty(),
        Transport.UDP);
  }

  @Test
  void encodesConnect() {
    assertThat(hex(out -> UdpReplies.connect(out, 0x01020304, 0x1122334455667788L)))
        .isEqualTo("00000000" + "01020304" + "1122334455667788");
  }

  @Test
  void encodesAnnounceWithSixBytePeersForAnIpv4Client() {
    AnnounceResult result = new AnnounceResult(1800, 300, 7, 3, 0, List.of(V4, V6));
    assertThat(
            hex(
                out ->
                    UdpReplies.announce(
                        out, 42, from(Addresses.parseLiteral("192.0.2.1")), result)))
        .isEqualTo(
            "00000001" + "0000002a" + "00000708" + "00000003" + "00000007" + "0a000002" + "1ae1");
  }

  @Test
  void encodesAnnounceWithEighteenBytePeersForAnIpv6Client() {
    AnnounceResult result = new AnnounceResult(1800, 300, 7, 3, 0, List.of(V4, V6));
    assertThat(
            hex(
                out ->
                    UdpReplies.announce(
                        out, 42, from(Addresses.parseLiteral("2001:db8::99")), result)))
        .isEqualTo(
            "00000001"
                + "0000002a"
                + "00000708"
                + "00000003"
                + "00000007"
                + "20010db8000000000000000000000002"
                + "01bb");
  }

  @Test
  void encodesScrapeInRequestOrder() {
    InfoHash other = InfoHash.fromHex("ff00000000000000000000000000000000000000");
    ScrapeResult result =
        new ScrapeResult(
            List.of(
                new ScrapeResult.Entry(other, 1, 2, 3),
                new ScrapeResult.Entry(HASH, 4, 5_000_000_000L, 6)));
    assertThat(hex(out -> UdpReplies.scrape(out, 7, result)))
        .isEqualTo(
            "00000002"
                + "00000007"
                + "00000001"
                + "00000002"
                + "00000003"
                + "00000004"
                + "7fffffff"
                + "00000006");
  }

  @Test
  void encodesAnError() {
    assertThat(hex(out -> UdpReplies.error(out, -1, "bad")))
        .isEqualTo("00000003" + "ffffffff" + "626164");
  }
}
