package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures the Redis memory one peer costs ({@code MEMORY USAGE} of the swarm's keys / N). */
class RedisSwarmsMemoryIT {

  private static final Logger log = LoggerFactory.getLogger(RedisSwarmsMemoryIT.class);
  private static final int PEERS = 10_000;
  private static final InfoHash HASH = InfoHash.fromHex("3333333333333333333333333333333333333333");

  @Test
  void measuresBytesPerPeer() throws Exception {
    RedisClient client = RedisSwarmsIT.client();
    try (StatefulRedisConnection<byte[], byte[]> connection =
        client.connect(ByteArrayCodec.INSTANCE)) {
      connection.sync().flushdb();
      InMemoryWhitelist whitelist = new InMemoryWhitelist();
      whitelist.register(HASH, null);
      RedisSwarms swarms =
          new RedisSwarms(
              connection,
              whitelist,
              TrackerSettings.defaults(),
              new TestClock(Instant.parse("2026-01-01T00:00:00Z")),
              new SplittableRandom(1));
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < PEERS; i++) {
        byte[] id = ByteBuffer.allocate(20).putLong(0x2d5453303030312dL).putInt(i).array();
        byte[] ip = ByteBuffer.allocate(4).putInt(0x0a000000 + i).array();
        pending.add(
            swarms
                .announce(
                    new AnnounceRequest(
                        HASH,
                        PeerId.of(id),
                        InetAddress.getByAddress(ip),
                        6881,
                        3_000_000_000L + i,
                        700_000_000L + i,
                        i % 4 == 0 ? 0 : 1_400_000_000L - i,
                        AnnounceEvent.NONE,
                        0,
                        true,
                        false,
                        OptionalInt.empty(),
                        Transport.UDP))
                .toCompletableFuture());
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
      long swarmSets = usage(connection, 's') + usage(connection, 'l');
      long stats = usage(connection, 'i');
      long counter = usage(connection, 'd');
      log.info(
          "{} peers: swarm sets {} B ({} B/peer), stats hash {} B ({} B/peer), counter {} B,"
              + " total {} B/peer",
          PEERS,
          swarmSets,
          swarmSets / PEERS,
          stats,
          stats / PEERS,
          counter,
          (swarmSets + stats + counter) / PEERS);
      assertThat(connection.sync().zcard(RedisSwarms.key(HASH, 'l'))).isEqualTo(PEERS * 3 / 4);
      assertThat(swarmSets).isPositive();
      assertThat(swarms.peers(HASH))
          .hasSize(PEERS)
          .filteredOn(p -> p.port() == 6881 && p.uploaded() == 3_000_000_007L)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.downloaded()).isEqualTo(700_000_007L);
                assertThat(p.left()).isEqualTo(1_400_000_000L - 7);
                assertThat(p.seeder()).isFalse();
              });
    } finally {
      client.shutdown();
    }
  }

  private static long usage(StatefulRedisConnection<byte[], byte[]> connection, char kind) {
    Long bytes = connection.sync().memoryUsage(RedisSwarms.key(HASH, kind));
    return bytes == null ? 0 : bytes;
  }
}
