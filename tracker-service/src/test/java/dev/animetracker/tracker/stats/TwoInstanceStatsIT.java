package dev.animetracker.tracker.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.redis.RedisSwarmStore;
import dev.animetracker.tracker.redis.SwarmRedis;
import dev.animetracker.tracker.redis.SwarmReplicator;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two tracker instances sharing swarms in Redis, each with its own stats flusher: every completed
 * download is counted once in what they publish, however the peers spread over the instances and
 * when a peer repeats its completion to the other one a replicator round later; neither instance's
 * snapshots ever show more completions than happened.
 */
class TwoInstanceStatsIT {

  private static final int DATABASE = 12;
  private static final InfoHash SWARM =
      InfoHash.fromHex("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a");
  private static final int PEERS = 40;

  private static SwarmRedis redis;

  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryWhitelist whitelist = new InMemoryWhitelist();
  private final List<SwarmStats> published = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void connect() {
    Infrastructure.Redis server = Infrastructure.redis();
    redis = new SwarmRedis(server.host(), server.port(), DATABASE);
    redis.sync().flushdb();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  /** One tracker process: swarms in memory, replicated through Redis, flushed to tracker-stats. */
  private final class Instance {
    final InMemorySwarms swarms;
    final SwarmReplicator replicator;
    final StatsFlusher flusher;

    Instance(long seed) {
      TrackerSettings settings = TrackerSettings.defaults();
      swarms = InMemorySwarms.replicated(whitelist, settings, clock, new SplittableRandom(seed));
      replicator =
          new SwarmReplicator(
              swarms,
              new RedisSwarmStore(redis, settings.peerTimeout(), clock, 400),
              Duration.ofSeconds(1),
              Duration.ofSeconds(5),
              1,
              clock,
              new SimpleMeterRegistry());
      flusher =
          new StatsFlusher(
              swarms,
              (key, stats) -> {
                published.add(stats);
                return CompletableFuture.completedFuture(null);
              },
              74,
              Duration.ofSeconds(10),
              Duration.ofSeconds(1),
              clock,
              new SimpleMeterRegistry());
    }

    void completed(int peer) throws UnknownHostException {
      swarms.scrape(ScrapeRequest.of(SWARM));
      replicator.syncNow();
      swarms
          .announce(
              new AnnounceRequest(
                  SWARM,
                  PeerId.ofText("-TS0001-%012d".formatted(peer)),
                  InetAddress.getByName("10.1.%d.%d".formatted(peer / 200, peer % 200 + 1)),
                  6881,
                  0,
                  1000,
                  0,
                  AnnounceEvent.COMPLETED,
                  50,
                  true,
                  false,
                  OptionalInt.empty(),
                  Transport.HTTP))
          .toCompletableFuture()
          .join();
    }

    /** A replicator round then a flush, in the order the two schedules may well run them. */
    void syncAndFlush() {
      replicator.syncNow();
      flusher.flush();
    }
  }

  @Test
  void completionsSpreadOverTwoInstancesArePublishedOnce() throws Exception {
    whitelist.register(SWARM, null);
    Instance first = new Instance(1);
    Instance second = new Instance(2);
    List<Instance> instances = List.of(first, second);
    for (int peer = 0; peer < PEERS; peer++) {
      instances.get(peer % 2).completed(peer);
      if (peer % 5 == 0) {
        // The same peer repeats its completion to the other instance (the balancer moved it) after
        // the first one's next replicator round. Within that round (1 s) the other instance cannot
        // know of it and counts it again: see docs/scaling.md.
        clock.advance(Duration.ofSeconds(1));
        instances.get(peer % 2).replicator.syncNow();
        instances.get((peer + 1) % 2).completed(peer);
      }
      instances.get(peer % 3 == 0 ? 1 : 0).syncAndFlush();
      clock.advance(Duration.ofMillis(200));
    }
    for (int round = 0; round < 3; round++) {
      first.syncAndFlush();
      second.syncAndFlush();
      clock.advance(Duration.ofSeconds(1));
    }
    // Touch the swarm on both so each flushes its settled view once more.
    first.swarms.scrape(ScrapeRequest.of(SWARM));
    second.swarms.scrape(ScrapeRequest.of(SWARM));
    first.syncAndFlush();
    second.syncAndFlush();

    assertThat(published).isNotEmpty();
    assertThat(published).allSatisfy(s -> assertThat(s.completed()).isLessThanOrEqualTo(PEERS));
    assertThat(published.stream().mapToLong(SwarmStats::completed).max().orElseThrow())
        .isEqualTo(PEERS);
    // The last word of both instances (what consumers keep) is the whole count.
    assertThat(published.get(published.size() - 1).completed()).isEqualTo(PEERS);
    assertThat(published.get(published.size() - 2).completed()).isEqualTo(PEERS);
  }
}
