package dev.animetracker.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.Peer;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerProtocolException;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The swarm rules every {@link AnnounceService} store must keep, run against each implementation
 * (in memory here, Redis in {@code RedisSwarmsIT}), so the rules are written once.
 */
public abstract class SwarmRules {

  protected static final InfoHash V1 = InfoHash.fromHex("1111111111111111111111111111111111111111");
  protected static final InfoHash V2 = InfoHash.fromHex("2222222222222222222222222222222222222222");
  protected static final InfoHash UNKNOWN =
      InfoHash.fromHex("9999999999999999999999999999999999999999");

  protected final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  protected final InMemoryWhitelist whitelist = new InMemoryWhitelist();
  protected static final InfoHash V3 = InfoHash.fromHex("3333333333333333333333333333333333333333");
  protected static final InfoHash V4 = InfoHash.fromHex("4444444444444444444444444444444444444444");

  /** The default per-swarm cap (5); a low overall cap (8), so that two swarms reach it. */
  protected final TrackerSettings settings = TrackerSettings.defaults().withPeerLimits(5, 8, 2048);

  protected AnnounceService swarms;

  /** Empties the store before each test (a shared server keeps state between tests). */
  protected void resetStore() {}

  /** A store over {@link #whitelist}, {@link #settings} and {@link #clock}. */
  protected abstract AnnounceService newSwarms(long seed);

  @BeforeEach
  void createSwarms() {
    resetStore();
    whitelist.register(V1, V2);
    swarms = newSwarms(7);
  }

  protected static PeerId peer(int n) {
    return PeerId.ofText("-TS0001-%012d".formatted(n));
  }

  protected static AnnounceRequest request(
      InfoHash hash, int n, String ip, long left, AnnounceEvent event, Transport transport) {
    return new AnnounceRequest(
        hash,
        peer(n),
        Addresses.parseLiteral(ip),
        6881 + n,
        10L * n,
        20L * n,
        left,
        event,
        50,
        true,
        false,
        OptionalInt.empty(),
        transport);
  }

  /** Peer {@code n}'s id from any address, with a BEP 7 key or none. */
  protected static AnnounceRequest request(
      InfoHash hash, int n, String ip, long left, AnnounceEvent event, OptionalInt key) {
    return new AnnounceRequest(
        hash,
        peer(n),
        Addresses.parseLiteral(ip),
        6881 + n,
        10L * n,
        20L * n,
        left,
        event,
        50,
        true,
        false,
        key,
        Transport.HTTP);
  }

  protected static AnnounceRequest leecher(int n) {
    return request(V1, n, "10.0.0." + n, 100, AnnounceEvent.STARTED, Transport.HTTP);
  }

  protected static AnnounceRequest seeder(int n) {
    return request(V1, n, "10.0.0." + n, 0, AnnounceEvent.STARTED, Transport.HTTP);
  }

  protected static AnnounceResult announce(AnnounceService store, AnnounceRequest request) {
    return store.announce(request).toCompletableFuture().join();
  }

  protected AnnounceResult announce(AnnounceRequest request) {
    return announce(swarms, request);
  }

  protected ScrapeResult.Entry scrape(InfoHash hash) {
    return swarms.scrape(ScrapeRequest.of(hash)).toCompletableFuture().join().entries().get(0);
  }

  protected static List<PeerId> ids(AnnounceResult result) {
    return result.peers().stream().map(Peer::peerId).toList();
  }

  @Test
  void refusesAnInfoHashThatIsNotWhitelisted() {
    assertThatThrownBy(
            () -> announce(request(UNKNOWN, 1, "10.0.0.1", 0, AnnounceEvent.NONE, Transport.HTTP)))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(TrackerProtocolException.class)
        .hasMessage("torrent not registered on this tracker");
  }

  @Test
  void aPeerNeverReceivesItself() {
    assertThat(announce(leecher(1)).peers()).isEmpty();
    AnnounceResult second = announce(leecher(2));
    assertThat(ids(second)).containsExactly(peer(1));
    assertThat(ids(announce(leecher(1)))).containsExactly(peer(2));
  }

  @Test
  void aPeerThatChangedItsIdAtTheSameAddressAndPortIsNotSentToItself() {
    announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    AnnounceRequest restarted =
        new AnnounceRequest(
            V1,
            PeerId.ofText("-TS0001-restarted000"),
            Addresses.parseLiteral("10.0.0.1"),
            6882,
            0,
            0,
            100,
            AnnounceEvent.STARTED,
            50,
            true,
            false,
            OptionalInt.empty(),
            Transport.HTTP);
    assertThat(announce(restarted).peers()).isEmpty();
  }

  @Test
  void countsSeedersAndLeechers() {
    announce(seeder(1));
    announce(leecher(2));
    AnnounceResult result = announce(leecher(3));
    assertThat(result.complete()).isEqualTo(1);
    assertThat(result.incomplete()).isEqualTo(2);
    assertThat(ids(result)).containsExactlyInAnyOrder(peer(1), peer(2));
    assertThat(result.interval()).isBetween(1800, 1980);
    assertThat(result.minInterval()).isEqualTo(300);
  }

  @Test
  void aSeederReceivesOnlyLeechers() {
    announce(seeder(1));
    announce(leecher(2));
    assertThat(ids(announce(seeder(3)))).containsExactly(peer(2));
  }

  @Test
  void stoppedRemovesThePeer() {
    announce(leecher(1));
    announce(leecher(2));
    AnnounceResult stopped =
        announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STOPPED, Transport.HTTP));
    assertThat(stopped.peers()).isEmpty();
    assertThat(stopped.incomplete()).isEqualTo(1);
    assertThat(ids(announce(leecher(3)))).containsExactly(peer(2));
    assertThat(scrape(V1).incomplete()).isEqualTo(2);
  }

  @Test
  void completedCountsOncePerPeer() {
    announce(leecher(1));
    AnnounceRequest completed =
        request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP);
    assertThat(announce(completed).downloaded()).isEqualTo(1);
    assertThat(announce(completed).downloaded()).isEqualTo(1);
    assertThat(
            announce(request(V1, 2, "10.0.0.2", 0, AnnounceEvent.COMPLETED, Transport.HTTP))
                .downloaded())
        .isEqualTo(2);
    assertThat(scrape(V1).downloaded()).isEqualTo(2);
    assertThat(scrape(V1).complete()).isEqualTo(2);
  }

  @Test
  void peersExpireAfterOneAndAHalfIntervals() {
    announce(leecher(1));
    clock.advance(settings.peerTimeout().minusSeconds(1));
    assertThat(ids(announce(leecher(2)))).containsExactly(peer(1));
    clock.advance(Duration.ofSeconds(2));
    assertThat(ids(announce(leecher(3)))).containsExactly(peer(2));
    assertThat(settings.peerTimeout()).isEqualTo(Duration.ofSeconds((1800 + 180) * 3 / 2));
  }

  @Test
  void aHybridsTwoHashesShareOneSwarm() {
    announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    AnnounceResult viaV2 =
        announce(request(V2, 2, "10.0.0.2", 100, AnnounceEvent.STARTED, Transport.HTTP));
    assertThat(ids(viaV2)).containsExactly(peer(1));
    assertThat(scrape(V2).incomplete()).isEqualTo(2);
    assertThat(scrape(V1).incomplete()).isEqualTo(2);
  }

  @Test
  void aPureV2TorrentIsServedUnderItsTruncatedHash() {
    InfoHash truncated = InfoHash.truncatedV2(new byte[32]);
    whitelist.register(null, truncated);
    assertThat(
            announce(request(truncated, 1, "10.0.0.1", 1, AnnounceEvent.NONE, Transport.HTTP))
                .incomplete())
        .isEqualTo(1);
  }

  @Test
  void httpRepliesCarryBothFamiliesUdpOnlyTheClientsOwn() {
    announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.NONE, Transport.HTTP));
    announce(request(V1, 2, "2001:db8::2", 100, AnnounceEvent.NONE, Transport.HTTP));
    assertThat(ids(announce(request(V1, 3, "10.0.0.3", 100, AnnounceEvent.NONE, Transport.HTTP))))
        .containsExactlyInAnyOrder(peer(1), peer(2));
    assertThat(ids(announce(request(V1, 4, "10.0.0.4", 100, AnnounceEvent.NONE, Transport.UDP))))
        .containsExactlyInAnyOrder(peer(1), peer(3));
    assertThat(ids(announce(request(V1, 5, "2001:db8::5", 100, AnnounceEvent.NONE, Transport.UDP))))
        .containsExactly(peer(2));
    AnnounceResult v6 =
        announce(request(V1, 6, "2001:db8::6", 100, AnnounceEvent.NONE, Transport.HTTP));
    assertThat(v6.peers())
        .filteredOn(p -> p.peerId().equals(peer(2)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.address()).isEqualTo(Addresses.parseLiteral("2001:db8::2"));
              assertThat(p.port()).isEqualTo(6883);
            });
  }

  @Test
  void returnsAtMostNumWantDistinctPeers() {
    for (int n = 1; n <= 120; n++) {
      announce(leecher(n));
    }
    AnnounceResult result = announce(leecher(121));
    assertThat(result.peers()).hasSize(50).doesNotHaveDuplicates();
    assertThat(ids(result)).doesNotContain(peer(121));
  }

  @Test
  void scrapeReportsZerosForUnknownHashesInRequestOrder() {
    announce(seeder(1));
    ScrapeResult result = swarms.scrape(ScrapeRequest.of(UNKNOWN, V1)).toCompletableFuture().join();
    assertThat(result.entries())
        .containsExactly(
            new ScrapeResult.Entry(UNKNOWN, 0, 0, 0), new ScrapeResult.Entry(V1, 1, 0, 0));
  }

  @Test
  void unregisteringAHashStopsServingIt() {
    whitelist.unregister(V1, V2);
    assertThatThrownBy(() -> announce(leecher(1)))
        .hasCauseInstanceOf(TrackerProtocolException.class);
  }

  private static List<String> addresses(AnnounceResult result) {
    return result.peers().stream().map(p -> p.address().getHostAddress()).toList();
  }

  private static void assertRefusedForTooManyPeers(Runnable announce) {
    assertThatThrownBy(announce::run)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PeerLimitException.class)
        .hasMessage("too many peers from your address");
  }

  @Test
  void someonesPeerIdFromAnotherAddressIsAnotherPeerAndMovesNothing() {
    announce(leecher(1));
    AnnounceRequest impostor =
        request(V1, 1, "10.6.6.6", 0, AnnounceEvent.STARTED, OptionalInt.empty());
    announce(impostor);
    AnnounceResult third = announce(leecher(3));
    assertThat(addresses(third)).containsExactlyInAnyOrder("10.0.0.1", "10.6.6.6");
    assertThat(third.incomplete()).isEqualTo(2);
    assertThat(third.complete()).isEqualTo(1);
  }

  @Test
  void aStoppedWithSomeonesPeerIdFromAnotherAddressRemovesNothing() {
    announce(leecher(1));
    announce(request(V1, 1, "10.6.6.6", 100, AnnounceEvent.STOPPED, OptionalInt.empty()));
    announce(request(V1, 1, "10.6.6.6", 100, AnnounceEvent.STOPPED, OptionalInt.of(42)));
    AnnounceResult other = announce(leecher(2));
    assertThat(addresses(other)).containsExactly("10.0.0.1");
    assertThat(other.incomplete()).isEqualTo(2);
  }

  @Test
  void theKeyAPeerFirstAnnouncedWithLetsItChangeAddress() {
    announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STARTED, OptionalInt.of(0x5eed)));
    announce(request(V1, 1, "10.0.0.99", 100, AnnounceEvent.NONE, OptionalInt.of(0x5eed)));
    AnnounceResult other = announce(leecher(2));
    assertThat(addresses(other)).containsExactly("10.0.0.99");
    assertThat(other.incomplete()).isEqualTo(2);

    announce(request(V1, 1, "10.0.0.77", 100, AnnounceEvent.STOPPED, OptionalInt.of(0x5eed)));
    AnnounceResult afterStop = announce(leecher(2));
    assertThat(afterStop.peers()).isEmpty();
    assertThat(afterStop.incomplete()).isEqualTo(1);
  }

  @Test
  void anotherKeyDoesNotMoveThePeer() {
    announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STARTED, OptionalInt.of(0x5eed)));
    announce(request(V1, 1, "10.6.6.6", 100, AnnounceEvent.NONE, OptionalInt.of(0xbad)));
    announce(request(V1, 1, "10.6.6.7", 100, AnnounceEvent.STOPPED, OptionalInt.of(0xdead)));
    assertThat(addresses(announce(leecher(2)))).containsExactlyInAnyOrder("10.0.0.1", "10.6.6.6");
  }

  @Test
  void capsPeersPerAddressInOneSwarm() {
    for (int n = 1; n <= 5; n++) {
      announce(request(V1, n, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    }
    assertRefusedForTooManyPeers(
        () -> announce(request(V1, 6, "10.1.1.1", 0, AnnounceEvent.STARTED, Transport.HTTP)));
    // The peers it has keep announcing; the refused one was not counted.
    AnnounceResult again =
        announce(request(V1, 5, "10.1.1.1", 100, AnnounceEvent.NONE, Transport.HTTP));
    assertThat(again.incomplete()).isEqualTo(5);
    assertThat(again.complete()).isZero();
    assertThat(scrape(V1).complete()).isZero();
    // Another address is not affected.
    assertThat(announce(leecher(7)).incomplete()).isEqualTo(6);
  }

  @Test
  void anIpv6SlashSixtyFourIsOneAddressForTheCaps() {
    for (int n = 1; n <= 5; n++) {
      announce(request(V1, n, "2001:db8:1:1::" + n, 100, AnnounceEvent.STARTED, Transport.HTTP));
    }
    assertRefusedForTooManyPeers(
        () ->
            announce(
                request(
                    V1, 6, "2001:db8:1:1:ffff::6", 100, AnnounceEvent.STARTED, Transport.HTTP)));
    assertThat(
            announce(request(V1, 7, "2001:db8:1:2::7", 100, AnnounceEvent.STARTED, Transport.HTTP))
                .incomplete())
        .isEqualTo(6);
  }

  @Test
  void capsPeersPerAddressAcrossSwarms() {
    whitelist.register(V3, V4);
    for (int n = 1; n <= 5; n++) {
      announce(request(V1, n, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    }
    for (int n = 6; n <= 8; n++) {
      announce(request(V3, n, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    }
    assertRefusedForTooManyPeers(
        () -> announce(request(V3, 9, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP)));
    assertThat(scrape(V3).incomplete()).isEqualTo(3);
    // A stopped peer frees its place.
    announce(request(V1, 1, "10.1.1.1", 100, AnnounceEvent.STOPPED, Transport.HTTP));
    assertThat(
            announce(request(V3, 9, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP))
                .incomplete())
        .isEqualTo(4);
  }

  @Test
  void completedCountsOncePerAddressWhateverTheClientRepeats() {
    AnnounceRequest completed =
        request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP);
    assertThat(announce(completed).downloaded()).isEqualTo(1);
    announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.STOPPED, Transport.HTTP));
    announce(request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    assertThat(announce(completed).downloaded()).isEqualTo(1);
    // Another peer id from the same address is the same client as far as the count goes.
    announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.STOPPED, Transport.HTTP));
    assertThat(
            announce(request(V1, 2, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP))
                .downloaded())
        .isEqualTo(1);
    assertThat(
            announce(request(V1, 3, "10.0.0.3", 0, AnnounceEvent.COMPLETED, Transport.HTTP))
                .downloaded())
        .isEqualTo(2);
    assertThat(scrape(V1).downloaded()).isEqualTo(2);
  }

  @Test
  void thePortIsWhateverThePeerLastAnnouncedFromItsAddress() {
    announce(leecher(1));
    AnnounceRequest newPort =
        new AnnounceRequest(
            V1,
            peer(1),
            Addresses.parseLiteral("10.0.0.1"),
            7000,
            0,
            0,
            100,
            AnnounceEvent.NONE,
            50,
            true,
            false,
            OptionalInt.empty(),
            Transport.HTTP);
    announce(newPort);
    AnnounceResult other = announce(leecher(2));
    assertThat(other.peers()).singleElement().satisfies(p -> assertThat(p.port()).isEqualTo(7000));
    assertThat(other.incomplete()).isEqualTo(2);
  }
}
