package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.swarm.PeerState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A few large swarms and many small ones replicate to Redis in the compact layout (peer buckets as
 * listpacks) and read back intact. What that layout costs a peer is measured by {@code make
 * bench-tracker-memory} ({@link RedisMemoryBenchmark}), not asserted here.
 */
class RedisMemoryIT {

  @ParameterizedTest(name = "{0} swarms of {1} peers")
  @CsvSource({"1, 20000", "2000, 10"})
  void storesPeersInCompactBucketsAndReadsThemBack(int swarmCount, int peersPerSwarm) {
    Infrastructure.Redis server = Infrastructure.redis();
    try (FilledSwarms filled =
        FilledSwarms.fill(server.host(), server.port(), 12, swarmCount, peersPerSwarm)) {
      assertThat(filled.synced).isEqualTo(swarmCount);

      int buckets = 0;
      for (byte[] key : filled.keys()) {
        if (FilledSwarms.isPeerBucket(key)) {
          buckets++;
          assertThat(filled.commands().objectEncoding(key))
              .as("bucket encoding")
              .isEqualTo("listpack");
        }
      }
      assertThat(buckets).isPositive();
      assertThat(filled.store.peers(filled.first)).hasSize(peersPerSwarm);
      PeerState some = filled.store.peers(filled.first).get(0);
      assertThat(some.uploaded()).isEqualTo(3_000_000_000L + some.port() - 1024);
    }
  }
}
