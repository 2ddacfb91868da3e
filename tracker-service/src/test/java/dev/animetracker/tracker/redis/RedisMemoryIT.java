package dev.animetracker.tracker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import dev.animetracker.tracker.swarm.PeerState;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the Redis memory one peer costs ({@code MEMORY USAGE} of every tracker key / peers) for
 * a few large swarms and for many small ones, and checks the goal of at most 100 bytes a peer.
 */
class RedisMemoryIT {

  private static final Logger log = LoggerFactory.getLogger(RedisMemoryIT.class);

  @ParameterizedTest(name = "{0} swarms of {1} peers")
  @CsvSource({"1, 20000", "2000, 10"})
  void staysUnderOneHundredBytesAPeer(int swarmCount, int peersPerSwarm) throws Exception {
    Infrastructure.Redis server = Infrastructure.redis();
    try (SwarmRedis redis = new SwarmRedis(server.host(), server.port(), 12)) {
      RedisCommands<byte[], byte[]> commands = redis.get().sync();
      commands.flushdb();
      TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
      InMemoryWhitelist whitelist = new InMemoryWhitelist();
      TrackerSettings settings = TrackerSettings.defaults();
      InMemorySwarms swarms =
          InMemorySwarms.replicated(whitelist, settings, clock, new SplittableRandom(1));
      RedisSwarmStore store = new RedisSwarmStore(redis, settings.peerTimeout(), clock, 400);
      SwarmReplicator replicator =
          new SwarmReplicator(
              swarms,
              store,
              Duration.ofSeconds(1),
              Duration.ofSeconds(30),
              0,
              clock,
              new SimpleMeterRegistry());
      int peers = 0;
      InfoHash first = null;
      for (int s = 0; s < swarmCount; s++) {
        InfoHash hash = InfoHash.of(ByteBuffer.allocate(20).putInt(7).putInt(s).array());
        first = first == null ? hash : first;
        whitelist.register(hash, null);
        for (int i = 0; i < peersPerSwarm; i++) {
          swarms.announce(request(hash, peers++));
        }
      }
      assertThat(replicator.syncNow()).isEqualTo(swarmCount);

      long bytes = 0;
      int keys = 0;
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<byte[]> page =
            commands.scan(cursor, ScanArgs.Builder.limit(1000).match("trk:*"));
        for (byte[] key : page.getKeys()) {
          bytes += commands.memoryUsage(key);
          keys++;
          if (key[25] == 'p') {
            assertThat(commands.objectEncoding(key)).as("bucket encoding").isEqualTo("listpack");
          }
        }
        cursor = page;
      } while (!cursor.isFinished());
      long perPeer = bytes / peers;
      log.info(
          "{} swarms x {} peers: {} keys, {} bytes, {} bytes/peer",
          swarmCount,
          peersPerSwarm,
          keys,
          bytes,
          perPeer);
      assertThat(perPeer).isLessThanOrEqualTo(100);
      assertThat(store.peers(first)).hasSize(peersPerSwarm);
      PeerState some = store.peers(first).get(0);
      assertThat(some.uploaded()).isEqualTo(3_000_000_000L + some.port() - 1024);
    }
  }

  private static AnnounceRequest request(InfoHash hash, int n) throws UnknownHostException {
    byte[] id = ByteBuffer.allocate(20).putLong(0x2d5453303030312dL).putInt(n).putLong(n).array();
    byte[] ip = ByteBuffer.allocate(4).putInt(0x0a000000 + n).array();
    return new AnnounceRequest(
        hash,
        PeerId.of(id),
        InetAddress.getByAddress(ip),
        1024 + (n % 60000),
        3_000_000_000L + (n % 60000),
        700_000_000L + n,
        n % 4 == 0 ? 0 : 1_400_000_000L - n,
        AnnounceEvent.STARTED,
        0,
        true,
        false,
        OptionalInt.empty(),
        Transport.UDP);
  }
}
