package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.support.RedisProcess;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import java.time.Duration;
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

  private ReplicatedTracker instance(SwarmRedis redis, long seed) {
    // The replicator is never started: rounds run only when the test calls syncNow.
    return ReplicatedTracker.on(redis, whitelist, seed, Duration.ofHours(1));
  }

  @Test
  void aCompletedAnnounceIsInRedisWhenItsReplyLeaves() {
    whitelist.register(HASH, null);
    try (RedisProcess server = new RedisProcess();
        SwarmRedis redisA = new SwarmRedis("127.0.0.1", server.port(), 0);
        SwarmRedis redisB = new SwarmRedis("127.0.0.1", server.port(), 0)) {
      ReplicatedTracker a = instance(redisA, 1);
      ReplicatedTracker b = instance(redisB, 2);
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
      ReplicatedTracker a = instance(redisA, 3);
      ReplicatedTracker b = instance(redisB, 4);
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
    return ReplicatedTracker.announce(service, request(n, event));
  }

  private static AnnounceRequest request(int n, AnnounceEvent event) {
    return ReplicatedTracker.request(HASH, "10.0.1", n, event);
  }
}
