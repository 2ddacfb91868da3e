package dev.animetracker.tracker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import dev.animetracker.tracker.swarm.SwarmChanges;
import dev.animetracker.tracker.swarm.SwarmCounts;
import dev.animetracker.tracker.swarm.SwarmView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatsFlusherTests {

  private static final InfoHash A = InfoHash.fromHex("1111111111111111111111111111111111111111");
  private static final InfoHash A_V2 = InfoHash.fromHex("2222222222222222222222222222222222222222");
  private static final InfoHash B = InfoHash.fromHex("3333333333333333333333333333333333333333");
  private static final InfoHash C = InfoHash.fromHex("4444444444444444444444444444444444444444");
  private static final InfoHash UNKNOWN =
      InfoHash.fromHex("9999999999999999999999999999999999999999");

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryWhitelist whitelist = new InMemoryWhitelist();
  private final InMemorySwarms swarms =
      new InMemorySwarms(whitelist, TrackerSettings.defaults(), clock, new SplittableRandom(7));
  private final AtomicInteger countCalls = new AtomicInteger();
  private final SwarmCounts service =
      new SwarmCounts() {
        @Override
        public List<InfoHash> drainChanged() {
          return swarms.drainChanged();
        }

        @Override
        public void requeue(Collection<InfoHash> keys) {
          swarms.requeue(keys);
        }

        @Override
        public int pending() {
          return swarms.pending();
        }

        @Override
        public List<ScrapeResult.Entry> settledCounts(Collection<InfoHash> keys) {
          countCalls.incrementAndGet();
          return swarms.settledCounts(keys);
        }
      };
  private final Map<String, SwarmStats> sent = new ConcurrentHashMap<>();
  private final AtomicBoolean kafkaDown = new AtomicBoolean();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  StatsFlusherTests() {
    whitelist.register(A, A_V2);
    whitelist.register(B, null);
    whitelist.register(C, null);
  }

  private StatsFlusher flusher(int batchSize) {
    StatsSender sender =
        (key, stats) -> {
          if (kafkaDown.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("kafka down"));
          }
          sent.put(key, stats);
          return CompletableFuture.completedFuture(null);
        };
    return new StatsFlusher(
        service, sender, batchSize, Duration.ofSeconds(10), Duration.ofSeconds(1), clock, registry);
  }

  private void announce(InfoHash hash, int peer, long left) {
    announce(swarms, hash, peer, left);
  }

  private static void announce(InMemorySwarms swarms, InfoHash hash, int peer, long left) {
    swarms
        .announce(
            new AnnounceRequest(
                hash,
                PeerId.ofText("-TS0001-%012d".formatted(peer)),
                InetAddress.getLoopbackAddress(),
                6881 + peer,
                0,
                0,
                left,
                left == 0 ? AnnounceEvent.COMPLETED : AnnounceEvent.STARTED,
                50,
                true,
                false,
                OptionalInt.empty(),
                Transport.HTTP))
        .toCompletableFuture()
        .exceptionally(e -> null)
        .join();
  }

  @Test
  void sendsOnlyChangedSwarmsWithTheirCounts() {
    StatsFlusher flusher = flusher(74);
    announce(A, 1, 100);
    announce(A_V2, 2, 0);
    announce(A, 3, 50);
    announce(B, 4, 100);
    announce(UNKNOWN, 5, 100);

    assertThat(flusher.flush()).isEqualTo(2);

    assertThat(sent).containsOnlyKeys(A.hex(), B.hex());
    SwarmStats a = sent.get(A.hex());
    assertThat(a.infoHash()).isEqualTo(A.hex());
    assertThat(a.seeders()).isEqualTo(1);
    assertThat(a.leechers()).isEqualTo(2);
    assertThat(a.completed()).isEqualTo(1);
    assertThat(a.observedAt()).isEqualTo(clock.instant());
    SwarmStats b = sent.get(B.hex());
    assertThat(b.seeders()).isZero();
    assertThat(b.leechers()).isEqualTo(1);
    assertThat(b.completed()).isZero();
    assertThat(registry.get("tracker.stats.flushed").counter().count()).isEqualTo(2);

    sent.clear();
    assertThat(flusher.flush()).isZero();
    assertThat(sent).isEmpty();

    announce(C, 6, 0);
    assertThat(flusher.flush()).isEqualTo(1);
    assertThat(sent).containsOnlyKeys(C.hex());
    assertThat(registry.get("tracker.stats.flushed").counter().count()).isEqualTo(3);
  }

  @Test
  void readsCountsInBatches() {
    StatsFlusher flusher = flusher(2);
    announce(A, 1, 100);
    announce(B, 2, 100);
    announce(C, 3, 100);

    assertThat(flusher.flush()).isEqualTo(3);

    assertThat(countCalls).hasValue(2);
    assertThat(sent).containsOnlyKeys(A.hex(), B.hex(), C.hex());
  }

  @Test
  void failedSendsAreRequeuedAndRetried() {
    StatsFlusher flusher = flusher(74);
    announce(A, 1, 100);
    announce(B, 2, 100);
    kafkaDown.set(true);

    assertThat(flusher.flush()).isZero();
    assertThat(service.pending()).isEqualTo(2);
    assertThat(registry.get("tracker.stats.flushed").counter().count()).isZero();

    clock.advance(Duration.ofSeconds(10));
    assertThat(registry.get("tracker.stats.flush.lag").gauge().value()).isEqualTo(10.0);
    announce(A, 3, 0);
    kafkaDown.set(false);

    assertThat(flusher.flush()).isEqualTo(2);
    assertThat(service.pending()).isZero();
    assertThat(sent.get(A.hex()).leechers()).isEqualTo(1);
    assertThat(sent.get(A.hex()).seeders()).isEqualTo(1);
    assertThat(sent.get(B.hex()).leechers()).isEqualTo(1);
    assertThat(registry.get("tracker.stats.flush.lag").gauge().value()).isZero();
  }

  @Test
  void aReplicatedSwarmWaitsForItsFirstSyncSoItsCompletedCountIsWhole() {
    InMemorySwarms replicated =
        InMemorySwarms.replicated(
            whitelist, TrackerSettings.defaults(), clock, new SplittableRandom(7));
    StatsFlusher flusher =
        new StatsFlusher(
            replicated,
            (key, stats) -> {
              sent.put(key, stats);
              return CompletableFuture.completedFuture(null);
            },
            74,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            clock,
            registry);
    announce(replicated, B, 7, 0);

    assertThat(flusher.flush()).isZero();
    assertThat(replicated.pending()).isEqualTo(1);

    // Redis remembered 41 completed downloads from before a restart; this one makes 42.
    SwarmChanges written = replicated.takeChanges(B);
    assertThat(written.completed()).isEqualTo(1);
    replicated.applyView(B, written, new SwarmView(1, 0, 42, true, replicated.peers(B)));
    assertThat(flusher.flush()).isEqualTo(1);
    assertThat(sent.get(B.hex()).completed()).isEqualTo(42);
    assertThat(sent.get(B.hex()).seeders()).isEqualTo(1);
  }

  @Test
  void expiredPeersAreFlushedAsGone() {
    StatsFlusher flusher = flusher(74);
    announce(B, 1, 100);
    assertThat(flusher.flush()).isEqualTo(1);
    assertThat(sent.get(B.hex()).leechers()).isEqualTo(1);

    clock.advance(TrackerSettings.defaults().peerTimeout().plusSeconds(1));
    swarms.purgeExpired();
    assertThat(flusher.flush()).isEqualTo(1);
    assertThat(sent.get(B.hex()).leechers()).isZero();

    swarms.purgeExpired();
    assertThat(swarms.size().swarms()).isZero();
  }
}
