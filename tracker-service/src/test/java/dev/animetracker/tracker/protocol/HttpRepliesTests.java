package dev.animetracker.tracker.protocol;

import static dev.animetracker.tracker.support.Uris.HASH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class HttpRepliesTests {

  private static final PeerId ME = PeerId.ofText("-qB5020-000000000000");
  private static final PeerId P1 = PeerId.ofText("-TR4050-111111111111");
  private static final PeerId P2 = PeerId.ofText("-DE2110-222222222222");

  private static final Peer V4 = new Peer(P1, Addresses.parseLiteral("192.168.24.52"), 2001);
  private static final Peer V6 = new Peer(P2, Addresses.parseLiteral("2001:db8::1"), 6881);

  private static AnnounceRequest request(boolean compact, boolean noPeerId) {
    return new AnnounceRequest(
        HASH,
        ME,
        Addresses.parseLiteral("203.0.113.7"),
        6881,
        0,
        0,
        100,
        AnnounceEvent.NONE,
        50,
        compact,
        noPeerId,
        OptionalInt.empty(),
        Transport.HTTP);
  }

  private static byte[] encode(Consumer<ByteBuf> writer) {
    ByteBuf out = Unpooled.buffer();
    writer.accept(out);
    return ByteBufUtil.getBytes(out);
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void encodesACompactAnnounceWithIpv4AndIpv6Peers() {
    AnnounceResult result = new AnnounceResult(1800, 300, 1, 2, 3, List.of(V4, V6));
    byte[] bytes = encode(out -> HttpReplies.announce(out, request(true, false), result, false));
    String expected =
        "d8:completei1e10:downloadedi3e10:incompletei2e8:intervali1800e12:min intervali300e"
            + "5:peers6:\u00c0\u00a8\u0018\u0034\u0007\u00d1"
            + "6:peers618:\u0020\u0001\r\u00b8\0\0\0\0\0\0\0\0\0\0\0\u0001\u001a\u00e1e";
    assertThat(latin1(bytes)).isEqualTo(expected);
  }

  @Test
  void leavesOutPeers6WhenThereAreNoIpv6Peers() {
    AnnounceResult result = new AnnounceResult(1800, 300, 0, 1, 0, List.of());
    byte[] bytes = encode(out -> HttpReplies.announce(out, request(true, false), result, false));
    assertThat(latin1(bytes))
        .isEqualTo(
            "d8:completei0e10:downloadedi0e10:incompletei1e8:intervali1800e"
                + "12:min intervali300e5:peers0:e");
  }

  @Test
  void encodesTheDictionaryFormWhenCompactIsOff() {
    AnnounceResult result = new AnnounceResult(1800, 300, 1, 1, 0, List.of(V4, V6));
    byte[] bytes = encode(out -> HttpReplies.announce(out, request(false, false), result, true));
    assertThat(latin1(bytes))
        .isEqualTo(
            "d8:completei1e10:downloadedi0e10:incompletei1e8:intervali1800e12:min intervali300e"
                + "5:peersl"
                + "d2:ip13:192.168.24.527:peer id20:-TR4050-1111111111114:porti2001ee"
                + "d2:ip11:2001:db8::17:peer id20:-DE2110-2222222222224:porti6881ee"
                + "ee");
  }

  @Test
  void neverDisclosesPeerIdsUnlessTheSettingAllowsIt() {
    AnnounceResult result = new AnnounceResult(60, 30, 0, 0, 0, List.of(V4, V6));
    byte[] bytes = encode(out -> HttpReplies.announce(out, request(false, false), result, false));
    assertThat(latin1(bytes))
        .endsWith("5:peersld2:ip13:192.168.24.524:porti2001eed2:ip11:2001:db8::14:porti6881eeee")
        .doesNotContain("peer id")
        .doesNotContain("-TR4050-");
  }

  @Test
  void leavesOutPeerIdsWhenAsked() {
    AnnounceResult result = new AnnounceResult(60, 30, 0, 0, 0, List.of(V4));
    byte[] bytes = encode(out -> HttpReplies.announce(out, request(false, true), result, true));
    assertThat(latin1(bytes))
        .endsWith("5:peersld2:ip13:192.168.24.524:porti2001eeee")
        .doesNotContain("peer id");
  }

  @Test
  void isCanonicalBencode() {
    AnnounceResult result = new AnnounceResult(1934, 300, 12, 345, 6789, List.of(V4, V6));
    byte[] fast = encode(out -> HttpReplies.announce(out, request(false, false), result, true));
    BDictionary reference =
        BDictionary.builder()
            .put("interval", 1934)
            .put("min interval", 300)
            .put("complete", 12)
            .put("incomplete", 345)
            .put("downloaded", 6789)
            .put(
                "peers",
                BList.of(
                    BDictionary.builder()
                        .put("ip", "192.168.24.52")
                        .put("peer id", BString.of(P1.bytes()))
                        .put("port", 2001)
                        .build(),
                    BDictionary.builder()
                        .put("ip", "2001:db8::1")
                        .put("peer id", BString.of(P2.bytes()))
                        .put("port", 6881)
                        .build()))
            .build();
    assertThat(fast).isEqualTo(BEncoder.encode(reference));
    assertThat(BDecoder.strict().decodeDictionary(fast)).isEqualTo(reference);
  }

  @Test
  void encodesAScrapeKeyedByRawHashesInByteOrder() {
    InfoHash high = InfoHash.fromHex("ff00000000000000000000000000000000000000");
    InfoHash low = InfoHash.fromHex("0000000000000000000000000000000000000001");
    ScrapeResult result =
        new ScrapeResult(
            List.of(
                new ScrapeResult.Entry(high, 5, 10, 2),
                new ScrapeResult.Entry(low, 0, 0, 0),
                new ScrapeResult.Entry(high, 5, 10, 2)));
    byte[] bytes = encode(out -> HttpReplies.scrape(out, result));
    BDictionary reference =
        BDictionary.builder()
            .put(
                "files",
                BDictionary.builder()
                    .put(
                        BString.of(high.bytes()),
                        BDictionary.builder()
                            .put("complete", 5)
                            .put("downloaded", 10)
                            .put("incomplete", 2)
                            .build())
                    .put(
                        BString.of(low.bytes()),
                        BDictionary.builder()
                            .put("complete", 0)
                            .put("downloaded", 0)
                            .put("incomplete", 0)
                            .build())
                    .build())
            .build();
    assertThat(bytes).isEqualTo(BEncoder.encode(reference));
    assertThat(HexFormat.of().formatHex(bytes))
        .startsWith(HexFormat.of().formatHex("d5:filesd20:".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void encodesAFailureInUtf8() {
    assertThat(encode(out -> HttpReplies.failure(out, "torrent not registered")))
        .isEqualTo("d14:failure reason22:torrent not registerede".getBytes(StandardCharsets.UTF_8));
    assertThat(encode(out -> HttpReplies.failure(out, "ошибка")))
        .isEqualTo("d14:failure reason12:ошибкаe".getBytes(StandardCharsets.UTF_8));
  }
}
