package dev.animetracker.tracker.server;

import static dev.animetracker.tracker.support.Uris.HASH;
import static dev.animetracker.tracker.support.Uris.PEER;
import static dev.animetracker.tracker.support.Uris.announce;
import static dev.animetracker.tracker.support.Uris.percent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BInteger;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class HttpTrackerHandlerTests {

  private static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.7", 50000);
  private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.1", 50000);

  private final InMemoryWhitelist whitelist = new InMemoryWhitelist();
  private final TrackerSettings settings =
      TrackerSettings.defaults().withTrustedProxies(Set.of(PROXY.getAddress()));
  private final InMemorySwarms swarms =
      new InMemorySwarms(
          whitelist,
          settings,
          new TestClock(Instant.parse("2026-01-01T00:00:00Z")),
          new SplittableRandom(1));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TrackerMetrics metrics = new TrackerMetrics(registry, swarms);

  HttpTrackerHandlerTests() {
    whitelist.register(HASH, null);
  }

  /** An embedded connection from {@code remote} through the real HTTP codec. */
  private EmbeddedChannel connection(
      InetSocketAddress remote, AnnounceService service, TrackerSettings settings) {
    return new EmbeddedChannel(
        new HttpServerCodec(new HttpDecoderConfig()),
        new HttpTrackerHandler(service, settings, metrics)) {
      @Override
      protected SocketAddress remoteAddress0() {
        return remote;
      }
    };
  }

  private EmbeddedChannel connection() {
    return connection(CLIENT, swarms, settings);
  }

  record Response(int status, String head, byte[] body) {

    BDictionary bencoded() {
      return BDecoder.strict().decodeDictionary(body);
    }

    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  static void send(EmbeddedChannel channel, String target, String... headers) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: tracker\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("\r\n");
    channel.writeInbound(
        Unpooled.copiedBuffer(request.toString().getBytes(StandardCharsets.ISO_8859_1)));
  }

  /** Reads every response written so far, split at Content-Length. */
  static List<Response> responses(EmbeddedChannel channel) {
    channel.runPendingTasks();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
      raw.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }
    byte[] bytes = raw.toByteArray();
    String all = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Response> responses = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int headEnd = all.indexOf("\r\n\r\n", at);
      String head = all.substring(at, headEnd);
      int length =
          Integer.parseInt(
              head.lines()
                  .filter(l -> l.toLowerCase().startsWith("content-length:"))
                  .findFirst()
                  .orElseThrow()
                  .substring(15)
                  .strip());
      int bodyStart = headEnd + 4;
      byte[] body = java.util.Arrays.copyOfRange(bytes, bodyStart, bodyStart + length);
      responses.add(new Response(Integer.parseInt(head.substring(9, 12)), head, body));
      at = bodyStart + length;
    }
    return responses;
  }

  static Response exchange(EmbeddedChannel channel, String target, String... headers) {
    send(channel, target, headers);
    List<Response> responses = responses(channel);
    assertThat(responses).hasSize(1);
    return responses.get(0);
  }

  private static long integer(BDictionary dictionary, String key) {
    return ((BInteger) dictionary.get(key)).value();
  }

  @Test
  void announceReturnsABencodedPeerList() {
    EmbeddedChannel channel = connection();
    exchange(channel, announce(HASH, PeerId.ofText("-TS0001-000000000001"), 7001, 0, ""));
    Response response = exchange(channel, announce(""));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.head()).containsIgnoringCase("content-type: text/plain");
    BDictionary reply = response.bencoded();
    assertThat(integer(reply, "complete")).isEqualTo(1);
    assertThat(integer(reply, "incomplete")).isEqualTo(1);
    assertThat(integer(reply, "interval")).isBetween(1800L, 1980L);
    assertThat(integer(reply, "min interval")).isEqualTo(300);
    assertThat(((BString) reply.get("peers")).bytes())
        .containsExactly(203, 0, 113, 7, 0x1b, 0x59); // 7001
    assertThat(channel.isOpen()).isTrue();
    assertThat(registry.get("tracker.announces").tag("transport", "http").counter().count())
        .isEqualTo(2);
  }

  @Test
  void announceWithCompactOffReturnsDictionariesWithoutPeerIds() {
    EmbeddedChannel channel = connection();
    exchange(channel, announce(HASH, PeerId.ofText("-TS0001-000000000001"), 7001, 0, ""));
    Response response = exchange(channel, announce("&compact=0"));
    assertThat(response.text())
        .contains("5:peersld2:ip11:203.0.113.74:porti7001eee")
        .doesNotContain("peer id")
        .doesNotContain("-TS0001-");
  }

  @Test
  void announceWithCompactOffCarriesPeerIdsOnlyWhenAllowed() {
    EmbeddedChannel channel = connection(CLIENT, swarms, settings.withPeerIdsInReplies(true));
    exchange(channel, announce(HASH, PeerId.ofText("-TS0001-000000000001"), 7001, 0, ""));
    Response response = exchange(channel, announce("&compact=0"));
    assertThat(response.text()).contains("5:peersld2:ip11:203.0.113.77:peer id20:-TS0001-");
  }

  @Test
  void decodesPlusAndZeroBytesOfTheRequestLineExactly() {
    byte[] raw = "ab+cdefghij0klm+opqr".getBytes(StandardCharsets.ISO_8859_1);
    raw[11] = 0;
    InfoHash tricky = InfoHash.of(raw);
    whitelist.register(tricky, null);
    String uri =
        "/announce?info_hash=ab+cdefghij%00klm+opqr&peer_id="
            + percent(PEER.bytes())
            + "&port=6881&left=0";
    Response response = exchange(connection(), uri);
    assertThat(response.bencoded().containsKey("failure reason")).isFalse();
    assertThat(
            swarms.scrape(ScrapeRequest.of(tricky)).toCompletableFuture().join().entries().get(0))
        .isEqualTo(new ScrapeResult.Entry(tricky, 1, 0, 0));
  }

  @Test
  void aNewPeerBeyondTheAddressCapGetsAFailureReasonAndIsNotCounted() {
    EmbeddedChannel channel = connection();
    for (int n = 1; n <= settings.maxPeersPerIpPerSwarm(); n++) {
      Response accepted =
          exchange(
              channel,
              announce(HASH, PeerId.ofText("-TS0001-%012d".formatted(n)), 7000 + n, 0, ""));
      assertThat(accepted.bencoded().containsKey("failure reason")).isFalse();
    }
    Response refused =
        exchange(channel, announce(HASH, PeerId.ofText("-TS0001-999999999999"), 7999, 0, ""));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.text()).isEqualTo("d14:failure reason32:too many peers from your addresse");
    assertThat(errors("peer_limit")).isEqualTo(1);
    assertThat(swarms.scrape(ScrapeRequest.of(HASH)).toCompletableFuture().join().entries().get(0))
        .isEqualTo(new ScrapeResult.Entry(HASH, settings.maxPeersPerIpPerSwarm(), 0, 0));
  }

  @Test
  void aMalformedAnnounceGetsAFailureReasonWithStatus200() {
    Response response =
        exchange(connection(), announce(HASH, PEER, 6881, 0, "").replace("port=6881", "port=0"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("d14:failure reason15:invalid port: 0e");
    assertThat(errors("malformed")).isEqualTo(1);
    assertThat(errors("unregistered")).isZero();
  }

  private double errors(String kind) {
    return registry
        .get("tracker.errors")
        .tag("transport", "http")
        .tag("kind", kind)
        .counter()
        .count();
  }

  @Test
  void anUnregisteredInfoHashGetsAFailureReason() {
    InfoHash unknown = InfoHash.fromHex("9999999999999999999999999999999999999999");
    Response response = exchange(connection(), announce(unknown, PEER, 6881, 0, ""));
    assertThat(response.status()).isEqualTo(200);
    assertThat(((BString) response.bencoded().get("failure reason")).utf8())
        .isEqualTo("torrent not registered on this tracker");
    assertThat(errors("unregistered")).isEqualTo(1);
  }

  @Test
  void anUnknownPathIs404() {
    Response response = exchange(connection(), "/favicon.ico");
    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void anotherMethodIs405() {
    EmbeddedChannel channel = connection();
    channel.writeInbound(
        Unpooled.copiedBuffer(
            "POST /announce HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc",
            StandardCharsets.US_ASCII));
    List<Response> responses = responses(channel);
    assertThat(responses).extracting(Response::status).containsExactly(405);
    assertThat(responses.get(0).head()).containsIgnoringCase("allow: GET");
  }

  @Test
  void aRequestNettyCannotParseIs400AndClosesTheConnection() {
    EmbeddedChannel channel = connection();
    StringBuilder longLine = new StringBuilder("GET /announce?");
    longLine.append("x".repeat(5000)).append(" HTTP/1.1\r\n\r\n");
    channel.writeInbound(Unpooled.copiedBuffer(longLine, StandardCharsets.US_ASCII));
    assertThat(responses(channel)).extracting(Response::status).containsExactly(400);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void scrapeReturnsFilesKeyedByRawHash() {
    EmbeddedChannel channel = connection();
    exchange(channel, announce(""));
    Response response = exchange(channel, "/scrape?info_hash=" + percent(HASH.bytes()));
    BDictionary files = (BDictionary) response.bencoded().get("files");
    BDictionary stats = (BDictionary) files.get(BString.of(HASH.bytes()));
    assertThat(integer(stats, "complete")).isZero();
    assertThat(integer(stats, "incomplete")).isEqualTo(1);
    assertThat(integer(stats, "downloaded")).isZero();
  }

  @Test
  void aFullScrapeIsRefusedWithAFailureReason() {
    assertThat(exchange(connection(), "/scrape").text()).contains("full scrape is not supported");
  }

  @Test
  void keepsTheConnectionOpenUnlessAskedToClose() {
    EmbeddedChannel channel = connection();
    exchange(channel, announce(""));
    exchange(channel, announce(""));
    assertThat(channel.isOpen()).isTrue();
    Response last = exchange(channel, announce(""), "Connection: close");
    assertThat(last.head()).containsIgnoringCase("connection: close");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void pipelinedRepliesLeaveInRequestOrderWhenTheStoreAnswersOutOfOrder() {
    CompletableFuture<AnnounceResult> slow = new CompletableFuture<>();
    AnnounceService service =
        new AnnounceService() {
          @Override
          public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
            return request.port() == 1
                ? slow
                : CompletableFuture.completedFuture(new AnnounceResult(2, 1, 0, 0, 0, List.of()));
          }

          @Override
          public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
            throw new IllegalStateException("boom");
          }
        };
    EmbeddedChannel channel = connection(CLIENT, service, settings);
    String both =
        "GET "
            + announce(HASH, PEER, 1, 0, "")
            + " HTTP/1.1\r\nHost: t\r\n\r\n"
            + "GET "
            + announce(HASH, PEER, 2, 0, "")
            + " HTTP/1.1\r\nHost: t\r\n\r\n";
    channel.writeInbound(Unpooled.copiedBuffer(both, StandardCharsets.ISO_8859_1));
    assertThat(responses(channel)).isEmpty();

    slow.complete(new AnnounceResult(1, 1, 0, 0, 0, List.of()));
    List<Response> responses = responses(channel);
    assertThat(responses).hasSize(2);
    assertThat(integer(responses.get(0).bencoded(), "interval")).isEqualTo(1);
    assertThat(integer(responses.get(1).bencoded(), "interval")).isEqualTo(2);

    assertThat(exchange(channel, "/scrape?info_hash=" + percent(HASH.bytes())).text())
        .isEqualTo("d14:failure reason39:internal tracker error, try again latere");
  }

  private AnnounceRequest captured(InetSocketAddress remote, String extra, String... headers) {
    List<AnnounceRequest> seen = new ArrayList<>();
    AnnounceService capturing =
        new AnnounceService() {
          @Override
          public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
            seen.add(request);
            return swarms.announce(request);
          }

          @Override
          public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
            return swarms.scrape(request);
          }
        };
    exchange(connection(remote, capturing, settings), announce(extra), headers);
    assertThat(seen).hasSize(1);
    return seen.get(0);
  }

  @Test
  void theIpParameterCountsOnlyFromATrustedProxy() {
    assertThat(captured(CLIENT, "&ip=198.51.100.1").address()).isEqualTo(CLIENT.getAddress());
    assertThat(captured(PROXY, "&ip=198.51.100.1").address())
        .isEqualTo(Addresses.parseLiteral("198.51.100.1"));
  }

  @Test
  void forwardedForCountsOnlyFromATrustedProxy() {
    String header = "X-Forwarded-For: 192.0.2.1, 198.51.100.2";
    assertThat(captured(CLIENT, "", header).address()).isEqualTo(CLIENT.getAddress());
    assertThat(captured(PROXY, "", header).address())
        .isEqualTo(Addresses.parseLiteral("198.51.100.2"));
    assertThat(captured(PROXY, "", "X-Real-IP: 2001:db8::7").address())
        .isEqualTo(Addresses.parseLiteral("2001:db8::7"));
    assertThat(captured(PROXY, "").address()).isEqualTo(PROXY.getAddress());
  }
}
