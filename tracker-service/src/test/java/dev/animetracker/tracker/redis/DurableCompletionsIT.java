package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.support.RedisProcess;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A completion the tracker acknowledged is in Redis by the time the reply leaves, so an instance
 * killed before its next write-behind round loses none: here the answering instance never runs a
 * round (its replicator is not started, as if it died right after replying), and a second instance
 * reading the swarm from Redis still counts the completion.
 */
class DurableCompletionsIT {

  private static final InfoHash HASH = InfoHash.fromHex("5555555555555555555555555555555555555555");

  private final InMemoryWhitelist whitelist = new InMemoryWhitelist();
  private final TrackerSettings settings = TrackerSettings.defaults();

  private record Instance(InMemorySwarms swarms, SwarmReplicator replicator) {}

  private Instance instance(SwarmRedis redis, long seed) {
    InMemorySwarms swarms =
        InMemorySwarms.replicated(
            whitelist, settings, Clock.systemUTC(), new SplittableRandom(seed));
    SwarmReplicator replicator =
        new SwarmReplicator(
            swarms,
            new RedisSwarmStore(redis, settings.peerTimeout(), Clock.systemUTC(), 400),
            Duration.ofHours(1),
            Duration.ofSeconds(1),
            0,
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    return new Instance(swarms, replicator);
  }

  @Test
  void aCompletedAnnounceIsInRedisWhenItsReplyLeaves() {
    whitelist.register(HASH, null);
    try (RedisProcess server = new RedisProcess();
        SwarmRedis redisA = new SwarmRedis("127.0.0.1", server.port(), 0);
        SwarmRedis redisB = new SwarmRedis("127.0.0.1", server.port(), 0)) {
      Instance a = instance(redisA, 1);
      Instance b = instance(redisB, 2);
      AnnounceService durable = new DurableCompletions(a.swarms(), a.replicator());

      announce(durable, 1, AnnounceEvent.STARTED);
      AnnounceResult completed = announce(durable, 1, AnnounceEvent.COMPLETED);
      assertThat(completed.downloaded()).isEqualTo(1);

      // A plain announce (no durable path) stays in A's queue: B does not see it yet.
      announce(a.swarms(), 2, AnnounceEvent.STARTED);
      announce(a.swarms(), 2, AnnounceEvent.COMPLETED);

      announce(b.swarms(), 3, AnnounceEvent.STARTED);
      b.replicator().syncNow();
      assertThat(announce(b.swarms(), 3, AnnounceEvent.NONE).downloaded()).isEqualTo(1);
    }
  }

  @Test
  void aCompletedAnnounceIsStillAnsweredWhileRedisIsDownAndWrittenLater() throws Exception {
    whitelist.register(HASH, null);
    try (RedisProcess server = new RedisProcess();
        SwarmRedis redisA = new SwarmRedis("127.0.0.1", server.port(), 0);
        SwarmRedis redisB = new SwarmRedis("127.0.0.1", server.port(), 0)) {
      Instance a = instance(redisA, 3);
      Instance b = instance(redisB, 4);
      AnnounceService durable = new DurableCompletions(a.swarms(), a.replicator());
      announce(durable, 1, AnnounceEvent.STARTED);
      a.replicator().syncNow();

      server.kill();
      AnnounceResult completed =
          durable
              .announce(request(1, AnnounceEvent.COMPLETED))
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      assertThat(completed.downloaded()).isEqualTo(1);

      server.start();
      // The completion went back to A's queue: the next round writes it (retried while Redis
      // reconnects), and B reads it.
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> a.replicator().syncNow() > 0);
      announce(b.swarms(), 2, AnnounceEvent.STARTED);
      b.replicator().syncNow();
      assertThat(announce(b.swarms(), 2, AnnounceEvent.NONE).downloaded()).isEqualTo(1);
    }
  }

  private static AnnounceResult announce(AnnounceService service, int n, AnnounceEvent event) {
    return service.announce(request(n, event)).toCompletableFuture().join();
  }

  private static AnnounceRequest request(int n, AnnounceEvent event) {
    return new AnnounceRequest(
        HASH,
        PeerId.ofText("-TS0001-%012d".formatted(n)),
        Addresses.parseLiteral("10.0.1." + n),
        6881,
        0,
        0,
        event == AnnounceEvent.COMPLETED ? 0 : 100,
        event,
        50,
        true,
        false,
        OptionalInt.empty(),
        Transport.UDP);
  }
}
