package dev.animetracker.tracker.protocol;

import static dev.animetracker.tracker.support.Uris.HASH;
import static dev.animetracker.tracker.support.Uris.PEER;
import static dev.animetracker.tracker.support.Uris.announce;
import static dev.animetracker.tracker.support.Uris.percent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestParserTests {

  private static final InetAddress CLIENT = Addresses.parseLiteral("203.0.113.7");
  private static final InetAddress PROXY = Addresses.parseLiteral("10.0.0.1");

  private final TrackerSettings settings =
      TrackerSettings.defaults().withTrustedProxies(Set.of(PROXY));
  private final HttpRequestParser parser = new HttpRequestParser(settings);

  private AnnounceRequest parse(String uri) throws TrackerProtocolException {
    return parser.parseAnnounce(uri, CLIENT, false);
  }

  private void assertRefused(String uri, String reason) {
    assertThatThrownBy(() -> parse(uri))
        .isInstanceOf(TrackerProtocolException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void parsesACompleteAnnounce() throws Exception {
    AnnounceRequest request =
        parse(
            "/announce?info_hash="
                + percent(HASH.bytes())
                + "&peer_id="
                + percent(PEER.bytes())
                + "&port=51413&uploaded=12&downloaded=34&left=56&event=started"
                + "&compact=1&numwant=10&key=1a2B3c4D&supportcrypto=1&corrupt=0");
    assertThat(request.infoHash()).isEqualTo(HASH);
    assertThat(request.peerId()).isEqualTo(PEER);
    assertThat(request.address()).isEqualTo(CLIENT);
    assertThat(request.port()).isEqualTo(51413);
    assertThat(request.uploaded()).isEqualTo(12);
    assertThat(request.downloaded()).isEqualTo(34);
    assertThat(request.left()).isEqualTo(56);
    assertThat(request.event()).isEqualTo(AnnounceEvent.STARTED);
    assertThat(request.compact()).isTrue();
    assertThat(request.noPeerId()).isFalse();
    assertThat(request.numWant()).isEqualTo(10);
    assertThat(request.key()).isEqualTo(OptionalInt.of(0x1a2b3c4d));
    assertThat(request.transport()).isEqualTo(Transport.HTTP);
  }

  @Test
  void decodesInfoHashByteForByteIncludingZeroAndHighBytes() throws Exception {
    byte[] raw = new byte[20];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 13 + 0x80); // covers 0x00 (i = 16) and bytes above 0x7f
    }
    raw[0] = 0;
    AnnounceRequest request = parse(announce(InfoHash.of(raw), PEER, 6881, 1, ""));
    assertThat(request.infoHash().bytes()).containsExactly(raw);
  }

  @Test
  void keepsPlusLiteralAndMixesUnreservedCharactersWithEscapes() throws Exception {
    // "+" is the byte 0x2b, never a space; unreserved characters stand for themselves.
    String hash = "ab+cdefghij%00%FF%20klm+op"; // 20 bytes
    AnnounceRequest request =
        parse(
            "/announce?info_hash=" + hash + "&peer_id=" + percent(PEER.bytes()) + "&port=1&left=0");
    assertThat(request.infoHash().bytes())
        .containsExactly(
            'a', 'b', '+', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 0x00, 0xff, 0x20, 'k', 'l', 'm',
            '+', 'o', 'p');
  }

  @Test
  void acceptsLowerAndUpperCaseEscapes() throws Exception {
    String lower = percent(HASH.bytes()).toLowerCase();
    AnnounceRequest request =
        parse(
            "/announce?info_hash="
                + lower
                + "&peer_id="
                + percent(PEER.bytes())
                + "&port=1&left=0");
    assertThat(request.infoHash()).isEqualTo(HASH);
  }

  @Test
  void defaultsOptionalParameters() throws Exception {
    AnnounceRequest request =
        parse(
            "/announce?info_hash="
                + percent(HASH.bytes())
                + "&peer_id="
                + percent(PEER.bytes())
                + "&port=6881&left=0");
    assertThat(request.uploaded()).isZero();
    assertThat(request.downloaded()).isZero();
    assertThat(request.event()).isEqualTo(AnnounceEvent.NONE);
    assertThat(request.compact()).isTrue();
    assertThat(request.numWant()).isEqualTo(50);
    assertThat(request.key()).isEmpty();
    assertThat(request.isSeeder()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"info_hash", "peer_id", "port", "left"})
  void refusesAMissingRequiredParameter(String name) {
    String uri = announce("").replaceFirst("(?<=[?&])" + name + "=[^&]*&?", "");
    assertRefused(uri, "missing " + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"info_hash", "peer_id", "port", "left", "event", "numwant", "key"})
  void refusesADuplicateParameter(String name) {
    String value =
        switch (name) {
          case "info_hash" -> percent(HASH.bytes());
          case "peer_id" -> percent(PEER.bytes());
          case "event" -> "started";
          default -> "1";
        };
    String uri = announce("&" + name + "=" + value);
    if (name.equals("event") || name.equals("numwant") || name.equals("key")) {
      uri = uri + "&" + name + "=" + value;
    }
    assertRefused(uri, "duplicate parameter: " + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "99999999999", "-1", "", "80a", "0x50", " 80"})
  void refusesAnInvalidPort(String port) {
    assertRefused(announce("").replace("&port=6881", "&port=" + port), "invalid port");
  }

  @Test
  void acceptsTheExtremePorts() throws Exception {
    assertThat(parse(announce(HASH, PEER, 1, 0, "")).port()).isEqualTo(1);
    assertThat(parse(announce(HASH, PEER, 65535, 0, "")).port()).isEqualTo(65535);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uploaded", "downloaded", "left"})
  void refusesNegativeOrMalformedCounts(String name) {
    String uri = announce("").replaceFirst("&" + name + "=\\d+", "");
    assertRefused(uri + "&" + name + "=-5", "invalid " + name);
    assertRefused(uri + "&" + name + "=1.5", "invalid " + name);
    assertRefused(uri + "&" + name + "=", "invalid " + name);
    assertRefused(uri + "&" + name + "=9223372036854775808", "invalid " + name + ": too large");
  }

  @Test
  void acceptsTheLargestCount() throws Exception {
    String uri = announce("").replace("&left=1000", "&left=9223372036854775807");
    assertThat(parse(uri).left()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void clampsNumWantToTheConfiguredMaximum() throws Exception {
    assertThat(parse(announce("&numwant=200")).numWant()).isEqualTo(200);
    assertThat(parse(announce("&numwant=201")).numWant()).isEqualTo(200);
    assertThat(parse(announce("&numwant=5000000000000")).numWant()).isEqualTo(200);
    assertThat(parse(announce("&numwant=0")).numWant()).isZero();
    assertThat(parse(announce("&numwant=-1")).numWant()).isEqualTo(50);

    HttpRequestParser small = new HttpRequestParser(TrackerSettings.defaults().withNumWant(5, 20));
    assertThat(small.parseAnnounce(announce(""), CLIENT, false).numWant()).isEqualTo(5);
    assertThat(small.parseAnnounce(announce("&numwant=21"), CLIENT, false).numWant()).isEqualTo(20);
  }

  @Test
  void refusesAMalformedNumWant() {
    assertRefused(announce("&numwant=lots"), "invalid numwant");
  }

  @Test
  void readsEveryEventName() throws Exception {
    assertThat(parse(announce("&event=started")).event()).isEqualTo(AnnounceEvent.STARTED);
    assertThat(parse(announce("&event=completed")).event()).isEqualTo(AnnounceEvent.COMPLETED);
    assertThat(parse(announce("&event=stopped")).event()).isEqualTo(AnnounceEvent.STOPPED);
    assertThat(parse(announce("&event=paused")).event()).isEqualTo(AnnounceEvent.PAUSED);
    assertThat(parse(announce("&event=empty")).event()).isEqualTo(AnnounceEvent.NONE);
    assertThat(parse(announce("&event=")).event()).isEqualTo(AnnounceEvent.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"start", "STARTED", "finished", "stopped%00"})
  void refusesAnUnknownEvent(String event) {
    assertRefused(announce("&event=" + event), "invalid event");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 19, 21, 32})
  void refusesAnInfoHashOfTheWrongLength(int length) {
    String uri =
        announce("").replaceFirst("info_hash=[^&]*", "info_hash=" + percent(new byte[length]));
    assertRefused(uri, "invalid info_hash: 20 bytes expected, got " + length);
  }

  @Test
  void refusesAPeerIdOfTheWrongLength() {
    String uri = announce("").replaceFirst("peer_id=[^&]*", "peer_id=-qB5020-short");
    assertRefused(uri, "invalid peer_id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%zz", "%g0"})
  void refusesBrokenPercentEncoding(String broken) {
    String uri = announce("").replaceFirst("info_hash=%01", "info_hash=" + broken);
    assertRefused(uri, "invalid percent-encoding in info_hash");
  }

  @Test
  void refusesCharactersThatAreNotBytes() {
    String uri = announce("").replaceFirst("peer_id=%2D", "peer_id=\u0100");
    assertRefused(uri, "invalid character");
  }

  @Test
  void readsCompactAndNoPeerId() throws Exception {
    assertThat(parse(announce("&compact=0")).compact()).isFalse();
    assertThat(parse(announce("&compact=1")).compact()).isTrue();
    assertThat(parse(announce("&compact=0&no_peer_id=1")).noPeerId()).isTrue();
    assertThat(parse(announce("&no_peer_id=0")).noPeerId()).isFalse();
  }

  @Test
  void readsKeysThatAreNotHex() throws Exception {
    assertThat(parse(announce("&key=ABCDEF12")).key()).isEqualTo(OptionalInt.of(0xabcdef12));
    assertThat(parse(announce("&key=not-hex-at-all")).key()).isPresent();
    assertThat(parse(announce("&key=")).key()).isEmpty();
  }

  @Test
  void ignoresTheIpParameterFromAnOrdinaryClient() throws Exception {
    assertThat(parse(announce("&ip=198.51.100.9")).address()).isEqualTo(CLIENT);
  }

  @Test
  void believesTheIpParameterFromATrustedProxy() throws Exception {
    AnnounceRequest v4 = parser.parseAnnounce(announce("&ip=198.51.100.9"), PROXY, true);
    assertThat(v4.address()).isEqualTo(Addresses.parseLiteral("198.51.100.9"));
    AnnounceRequest v6 = parser.parseAnnounce(announce("&ip=2001%3Adb8%3A%3A1"), PROXY, true);
    assertThat(v6.address()).isEqualTo(Addresses.parseLiteral("2001:db8::1"));
  }

  @Test
  void ignoresAHostNameOrGarbageInTheIpParameter() throws Exception {
    assertThat(parser.parseAnnounce(announce("&ip=example.org"), PROXY, true).address())
        .isEqualTo(PROXY);
    assertThat(parser.parseAnnounce(announce("&ip=10.1"), PROXY, true).address()).isEqualTo(PROXY);
  }

  @Test
  void mapsAnIpv4MappedSourceToIpv4() throws Exception {
    InetAddress mapped =
        InetAddress.getByAddress(
            new byte[] {
              0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 203, 0, 113, 7
            });
    assertThat(parser.parseAnnounce(announce(""), mapped, false).address()).isEqualTo(CLIENT);
  }

  @Test
  void ignoresUnknownParametersEmptySegmentsAndFragments() throws Exception {
    AnnounceRequest request = parse(announce("&&passkey=abc&flag&=x&trackerid=7#ignored&port=9"));
    assertThat(request.port()).isEqualTo(6881);
  }

  @Test
  void decodesPercentEncodedParameterNames() throws Exception {
    String uri = announce("").replace("&port=6881", "&p%6Frt=7000");
    assertThat(parse(uri).port()).isEqualTo(7000);
  }

  @Test
  void refusesAnAnnounceWithoutQuery() {
    assertRefused("/announce", "missing info_hash");
  }

  @Test
  void parsesAScrapeOfSeveralHashes() throws Exception {
    InfoHash other = InfoHash.fromHex("ffffffffffffffffffffffffffffffffffffff00");
    ScrapeRequest request =
        parser.parseScrape(
            "/scrape?info_hash="
                + percent(HASH.bytes())
                + "&info_hash="
                + percent(other.bytes())
                + "&info_hash="
                + percent(HASH.bytes()));
    assertThat(request.infoHashes()).containsExactly(HASH, other, HASH);
  }

  @Test
  void refusesAFullScrape() {
    assertThatThrownBy(() -> parser.parseScrape("/scrape"))
        .hasMessageContaining("full scrape is not supported");
  }

  @Test
  void refusesAScrapeWithABadHash() {
    assertThatThrownBy(() -> parser.parseScrape("/scrape?info_hash=short"))
        .hasMessageContaining("invalid info_hash");
  }

  @Test
  void refusesAScrapeOfTooManyHashes() throws Exception {
    StringBuilder uri = new StringBuilder("/scrape?");
    for (int i = 0; i < 74; i++) {
      uri.append("info_hash=").append(percent(HASH.bytes())).append('&');
    }
    assertThat(parser.parseScrape(uri.toString()).infoHashes()).hasSize(74);
    uri.append("info_hash=").append(percent(HASH.bytes()));
    assertThatThrownBy(() -> parser.parseScrape(uri.toString()))
        .hasMessageContaining("too many info_hash values (at most 74)");
  }

  @Test
  void extractsThePath() {
    assertThat(HttpRequestParser.path("/announce?x=1")).isEqualTo("/announce");
    assertThat(HttpRequestParser.path("/scrape#frag")).isEqualTo("/scrape");
    assertThat(HttpRequestParser.path("/announce")).isEqualTo("/announce");
  }
}
