package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.Peer;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.support.RedisProcess;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two tracker instances share a Redis that is killed and started again (empty) mid-test: both go on
 * answering from memory, their replicators recover by themselves, and each instance's peers reach
 * the other again — including what was announced during the outage.
 */
class RedisOutageIT {

  private static final InfoHash HASH = InfoHash.fromHex("4444444444444444444444444444444444444444");

  private final InMemoryWhitelist whitelist = new InMemoryWhitelist();

  private ReplicatedTracker instance(SwarmRedis redis, long seed) {
    ReplicatedTracker instance =
        ReplicatedTracker.on(redis, whitelist, seed, Duration.ofMillis(200));
    instance.replicator().start();
    return instance;
  }

  private static AnnounceResult announce(ReplicatedTracker instance, int n) {
    return ReplicatedTracker.announce(
        instance.swarms(), ReplicatedTracker.request(HASH, "10.0.0", n, AnnounceEvent.STARTED));
  }

  private static List<PeerId> ids(AnnounceResult result) {
    return result.peers().stream().map(Peer::peerId).toList();
  }

  @Test
  void instancesKeepServingAndResyncAfterRedisComesBack() {
    whitelist.register(HASH, null);
    try (RedisProcess server = new RedisProcess();
        SwarmRedis redisA = new SwarmRedis("127.0.0.1", server.port(), 0);
        SwarmRedis redisB = new SwarmRedis("127.0.0.1", server.port(), 0)) {
      ReplicatedTracker a = instance(redisA, 1);
      ReplicatedTracker b = instance(redisB, 2);
      try {
        announce(a, 1);
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(ids(announce(b, 2))).contains(peerId(1)));

        server.kill();
        // Served from memory: no failure reason, and what each instance knew stays.
        assertThat(ids(announce(a, 3))).contains(peerId(1));
        assertThat(ids(announce(b, 4))).contains(peerId(1), peerId(2));
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> a.meters().get("tracker.redis.sync.failures").counter().count() > 0);
        assertThat(a.meters().get("tracker.redis.sync.lag").gauge().value()).isPositive();

        server.start();
        // The restarted Redis is empty: A re-writes peer 1 and its outage peer 3, B its own.
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> {
                  assertThat(ids(announce(b, 4))).contains(peerId(1), peerId(3));
                  assertThat(ids(announce(a, 3))).contains(peerId(2), peerId(4));
                });
        assertThat(a.meters().get("tracker.redis.sync.lag").gauge().value()).isLessThan(5);
      } finally {
        a.replicator().stop();
        b.replicator().stop();
      }
    }
  }

  private static PeerId peerId(int n) {
    return ReplicatedTracker.peerId(n);
  }
}
