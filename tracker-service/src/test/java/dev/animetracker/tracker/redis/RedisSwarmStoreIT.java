package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.PeerState;
import dev.animetracker.tracker.swarm.SwarmRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link SwarmRules} through Redis — every announce and scrape is followed by a sync
 * round, so counts and peers come back from the shared view — plus what only a shared store has:
 * instances seeing each other's peers, completed counts outliving an instance, moderator stats.
 */
class RedisSwarmStoreIT extends SwarmRules {

  static final int DATABASE = 11;

  private static SwarmRedis redis;

  @BeforeAll
  static void connect() {
    Infrastructure.Redis server = Infrastructure.redis();
    redis = new SwarmRedis(server.host(), server.port(), DATABASE);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected void resetStore() {
    redis.sync().flushdb();
  }

  /** One tracker instance: its swarms, and the replicator writing them to the shared Redis. */
  final class Instance implements AnnounceService {

    final InMemorySwarms swarms;
    final SwarmReplicator replicator;
    final RedisSwarmStore store;

    Instance(long seed) {
      this(seed, 0);
    }

    Instance(long seed, int pullEveryRounds) {
      swarms = InMemorySwarms.replicated(whitelist, settings, clock, new SplittableRandom(seed));
      store = new RedisSwarmStore(redis, settings.peerTimeout(), clock, 400);
      replicator =
          new SwarmReplicator(
              swarms,
              store,
              Duration.ofSeconds(1),
              Duration.ofSeconds(5),
              pullEveryRounds,
              clock,
              new SimpleMeterRegistry());
    }

    @Override
    public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
      // Synced before (the reply sees the other instances) and after (they see this announce).
      swarms.scrape(ScrapeRequest.of(request.infoHash()));
      replicator.syncNow();
      CompletionStage<AnnounceResult> result = swarms.announce(request);
      replicator.syncNow();
      return result;
    }

    @Override
    public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
      // The first scrape of a swarm held elsewhere only asks for it; the sync fetches it.
      swarms.scrape(request);
      replicator.syncNow();
      return swarms.scrape(request);
    }
  }

  @Override
  protected Instance newSwarms(long seed) {
    return new Instance(seed);
  }

  private Instance instance() {
    return (Instance) swarms;
  }

  @Test
  void twoInstancesOnTheSameRedisSeeEachOthersPeers() {
    Instance other = newSwarms(8);
    announce(swarms, leecher(1));
    assertThat(ids(announce(other, leecher(2)))).containsExactly(peer(1));
    assertThat(ids(announce(swarms, seeder(3)))).containsExactlyInAnyOrder(peer(1), peer(2));
    ScrapeResult.Entry viaOther =
        other.scrape(ScrapeRequest.of(V1)).toCompletableFuture().join().entries().get(0);
    assertThat(viaOther).isEqualTo(new ScrapeResult.Entry(V1, 1, 0, 2));
  }

  @Test
  void aStoppedPeerLeavesTheOtherInstancesToo() {
    Instance other = newSwarms(8);
    announce(swarms, leecher(1));
    assertThat(ids(announce(other, leecher(2)))).containsExactly(peer(1));

    announce(swarms, request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STOPPED, Transport.HTTP));
    assertThat(ids(announce(other, leecher(2)))).isEmpty();
    assertThat(instance().store.peers(V1)).extracting(PeerState::peerId).containsExactly(peer(2));
  }

  @Test
  void aPeerThatMovesToAnotherInstanceIsCountedOnce() {
    Instance other = newSwarms(8);
    announce(swarms, leecher(1));
    clock.advance(Duration.ofSeconds(5));
    announce(other, seeder(1));
    announce(swarms, leecher(2));
    ScrapeResult.Entry counts = scrape(V1);
    assertThat(counts.complete()).isEqualTo(1);
    assertThat(counts.incomplete()).isEqualTo(1);
  }

  @Test
  void completedSurvivesANewInstance() {
    announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.STOPPED, Transport.HTTP));
    clock.advance(settings.peerTimeout().multipliedBy(2));

    Instance restarted = newSwarms(9);
    // Before its first sync a new instance does not know the count, so it does not publish it.
    restarted.swarms.announce(seeder(2));
    assertThat(restarted.swarms.settledCounts(List.of(V1))).isEmpty();
    restarted.replicator.syncNow();
    assertThat(restarted.swarms.settledCounts(List.of(V1)))
        .containsExactly(new ScrapeResult.Entry(V1, 1, 1, 0));
    assertThat(announce(restarted, seeder(2)).downloaded()).isEqualTo(1);
  }

  @Test
  void reloadsTheScriptWhenRedisForgotIt() {
    announce(leecher(1));
    redis.sync().scriptFlush();
    assertThat(ids(announce(leecher(2)))).containsExactly(peer(1));
    assertThat(instance().store.peers(V1)).hasSize(2);
  }

  @Test
  void expiredPeersLeaveRedis() {
    Instance other = newSwarms(8);
    announce(other, leecher(1));
    clock.advance(settings.peerTimeout().plusSeconds(1));
    announce(swarms, leecher(2));
    assertThat(instance().store.peers(V1)).extracting(PeerState::peerId).containsExactly(peer(2));
    assertThat(scrape(V1).incomplete()).isEqualTo(1);
  }

  @Test
  void keepsPerPeerStatsForModerators() {
    announce(leecher(1));
    clock.advance(Duration.ofSeconds(5));
    announce(request(V1, 2, "2001:db8::2", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    assertThat(instance().store.peers(V1))
        .containsExactlyInAnyOrder(
            new PeerState(
                peer(1),
                Addresses.parseLiteral("10.0.0.1"),
                6882,
                10,
                20,
                100,
                Instant.parse("2026-01-01T00:00:00Z"),
                false),
            new PeerState(
                peer(2),
                Addresses.parseLiteral("2001:db8::2"),
                6883,
                20,
                40,
                0,
                Instant.parse("2026-01-01T00:00:05Z"),
                true));
  }

  @Test
  void anUnchangedReannounceIsNotWrittenAgainUntilItsRefreshIsDue() {
    announce(leecher(1));
    clock.advance(Duration.ofSeconds(30));
    instance().swarms.announce(leecher(1));
    assertThat(instance().swarms.takeChanges(V1).upserts()).isEmpty();
    clock.advance(settings.peerTimeout().dividedBy(8));
    instance().swarms.announce(leecher(1));
    assertThat(instance().swarms.takeChanges(V1).upserts())
        .extracting(PeerState::peerId)
        .containsExactly(peer(1));
  }

  @Test
  void aSwarmWithoutLocalChangesIsReadBackOnlyEveryFewRounds() {
    Instance lazy = new Instance(10, SwarmReplicator.PULL_EVERY_ROUNDS);
    announce(lazy, leecher(1));
    announce(swarms, leecher(2));

    lazy.swarms.announce(leecher(1));
    lazy.replicator.syncNow();
    assertThat(ids(announce(lazy.swarms, leecher(1)))).isEmpty();

    clock.advance(Duration.ofSeconds(SwarmReplicator.PULL_EVERY_ROUNDS));
    lazy.replicator.syncNow();
    assertThat(ids(announce(lazy.swarms, leecher(1)))).containsExactly(peer(2));
  }

  @Test
  void aPeerIdSentFromAnotherAddressToAnotherInstanceMovesNothing() {
    Instance other = newSwarms(8);
    announce(swarms, leecher(1));
    announce(other, request(V1, 1, "10.6.6.6", 100, AnnounceEvent.STOPPED, Transport.HTTP));
    announce(other, request(V1, 1, "10.6.6.6", 100, AnnounceEvent.STARTED, Transport.HTTP));
    assertThat(instance().store.peers(V1))
        .extracting(p -> p.address().getHostAddress())
        .containsExactlyInAnyOrder("10.0.0.1", "10.6.6.6");
    assertThat(scrape(V1).incomplete()).isEqualTo(2);
  }

  @Test
  void aPeerMayMoveToAnotherInstanceAndAddressWithItsKey() {
    Instance other = newSwarms(8);
    announce(swarms, request(V1, 1, "10.0.0.1", 100, AnnounceEvent.STARTED, OptionalInt.of(7)));
    clock.advance(Duration.ofSeconds(5));
    announce(other, request(V1, 1, "10.0.0.50", 100, AnnounceEvent.NONE, OptionalInt.of(7)));
    assertThat(instance().store.peers(V1))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.address().getHostAddress()).isEqualTo("10.0.0.50");
              assertThat(p.key()).hasValue(7);
            });
    // The first instance learns of the move and does not write the old address back.
    assertThat(addressesOf(announce(swarms, leecher(2)))).containsExactly("10.0.0.50");
    announce(swarms, leecher(2));
    assertThat(instance().store.peers(V1)).hasSize(2);
    assertThat(scrape(V1).incomplete()).isEqualTo(2);
  }

  @Test
  void completedByAnAddressAtOneInstanceIsNotCountedAgainAtAnother() {
    Instance other = newSwarms(8);
    announce(swarms, request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    AnnounceResult again =
        announce(other, request(V1, 2, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    assertThat(again.downloaded()).isEqualTo(1);
    announce(other, request(V1, 3, "10.0.0.3", 0, AnnounceEvent.COMPLETED, Transport.HTTP));
    assertThat(scrape(V1).downloaded()).isEqualTo(2);
  }

  @Test
  void peerIdentitiesAndKeysSurviveTheRoundTrip() {
    PeerState v6 =
        new PeerState(
            peer(3),
            Addresses.parseLiteral("2001:db8::3"),
            65535,
            Long.MAX_VALUE,
            0,
            1L << 40,
            Instant.parse("2026-01-01T00:00:00Z"),
            true,
            OptionalInt.of(-1));
    byte[] member = RedisSwarmStore.member(v6);
    assertThat(RedisSwarmStore.decode(member, 1, member[0], member, 1 + member[0])).isEqualTo(v6);
  }

  private static List<String> addressesOf(AnnounceResult result) {
    return result.peers().stream().map(p -> p.address().getHostAddress()).toList();
  }
}
