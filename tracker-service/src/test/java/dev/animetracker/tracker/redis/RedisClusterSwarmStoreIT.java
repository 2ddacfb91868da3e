package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.testsupport.RedisCluster;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.swarm.SwarmChanges;
import dev.animetracker.tracker.swarm.SwarmView;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every shared-swarm rule again, on a Redis Cluster (three masters, three replicas): one swarm's
 * keys share a slot whatever bytes its hash holds, and a killed master's replica takes over while
 * the client follows within seconds.
 */
class RedisClusterSwarmStoreIT extends RedisSwarmStoreIT {

  private static final Logger log = LoggerFactory.getLogger(RedisClusterSwarmStoreIT.class);

  private static RedisCluster cluster;

  /** Hides the standalone connection of the superclass: the same tests, on the Cluster. */
  @BeforeAll
  static void connect() {
    cluster = RedisCluster.shared();
    redis =
        SwarmRedis.cluster(
            cluster.nodes().stream()
                .map(node -> RedisURI.create("redis://" + node + "?timeout=2s"))
                .toList());
  }

  @Test
  void aHashWithBraceBytesKeepsItsKeysInOneSlot() {
    RedisSwarmStore store =
        new RedisSwarmStore(redis, Duration.ofMinutes(30), Clock.systemUTC(), 400);
    for (byte first : new byte[] {'}', '{', 0}) {
      byte[] bytes = new byte[20];
      Arrays.fill(bytes, (byte) '}');
      bytes[0] = first;
      InfoHash swarm = InfoHash.of(bytes);
      SwarmView view =
          store.sync(swarm, new SwarmChanges(List.of(), List.of(), 2)).toCompletableFuture().join();
      assertThat(view.completed()).isEqualTo(2);
      assertThat(redis.sync().clusterKeyslot(RedisSwarmStore.key(swarm, "n")))
          .isEqualTo(redis.sync().clusterKeyslot(RedisSwarmStore.key(swarm, "p0")))
          .isEqualTo(redis.sync().clusterKeyslot(RedisSwarmStore.key(swarm, "d")));
    }
  }

  @Test
  void aKilledMastersReplicaTakesOverWithinSeconds() {
    RedisSwarmStore store =
        new RedisSwarmStore(redis, Duration.ofMinutes(30), Clock.systemUTC(), 400);
    InfoHash swarm = InfoHash.of("failover-swarm-hash!".getBytes(StandardCharsets.US_ASCII));
    SwarmChanges oneCompleted = new SwarmChanges(List.of(), List.of(), 1);
    store.sync(swarm, oneCompleted).toCompletableFuture().join();
    int master =
        cluster.masterOf(new String(RedisSwarmStore.key(swarm, "d"), StandardCharsets.US_ASCII));
    // Replication is asynchronous: the replica must have the count before its master dies.
    cluster.awaitReplicated(master);

    Instant killed = Instant.now();
    cluster.killMaster(master);
    long completed =
        await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(100))
            .ignoreExceptions()
            .until(
                () -> store.sync(swarm, oneCompleted).toCompletableFuture().join().completed(),
                count -> count > 0);
    Duration outage = Duration.between(killed, Instant.now());
    log.info(
        "Redis Cluster failover: swarm store served again {} ms after the kill", outage.toMillis());
    assertThat(completed).isEqualTo(2);
    assertThat(outage).isLessThan(Duration.ofSeconds(10));
    cluster.restart(master);
  }
}
