package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.swarm.SwarmChanges;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The completed counts of the key layout before hash tags survive the upgrade, counted once. */
class LegacySwarmKeysIT {

  @Test
  void oldCompletedCountsMoveOntoTheTaggedKeysOnce() {
    Infrastructure.Redis server = Infrastructure.redis();
    try (SwarmRedis redis = new SwarmRedis(server.host(), server.port(), 13)) {
      redis.sync().flushdb();
      RedisSwarmStore store =
          new RedisSwarmStore(redis, Duration.ofMinutes(30), Clock.systemUTC(), 400);
      InfoHash swarm = InfoHash.of("legacy-swarm-hash-01".getBytes(StandardCharsets.US_ASCII));
      byte[] old = legacyKey(swarm, "d");
      redis.sync().set(old, "5".getBytes(StandardCharsets.US_ASCII));
      redis.sync().set(legacyKey(swarm, "n"), "ignored".getBytes(StandardCharsets.US_ASCII));
      // Counted under the new layout already (an upgraded instance synced first).
      store.sync(swarm, new SwarmChanges(List.of(), List.of(), 1)).toCompletableFuture().join();

      assertThat(store.migrateLegacyCompletedCounts(redis.sync())).isEqualTo(1);
      assertThat(store.migrateLegacyCompletedCounts(redis.sync())).isZero();
      assertThat(redis.sync().exists(old)).isZero();
      assertThat(store.sync(swarm, SwarmChanges.NONE).toCompletableFuture().join().completed())
          .isEqualTo(6);
    }
  }

  private static byte[] legacyKey(InfoHash swarm, String part) {
    byte[] prefix = "trk:".getBytes(StandardCharsets.US_ASCII);
    byte[] suffix = (":" + part).getBytes(StandardCharsets.US_ASCII);
    byte[] key = Arrays.copyOf(prefix, prefix.length + 20 + suffix.length);
    System.arraycopy(swarm.bytes(), 0, key, prefix.length, 20);
    System.arraycopy(suffix, 0, key, prefix.length + 20, suffix.length);
    return key;
  }
}
