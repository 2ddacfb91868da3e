package dev.animetracker.tracker.redis;

import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.protocol.Transport;
import dev.animetracker.tracker.support.TestClock;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.InMemoryWhitelist;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A Redis database filled the way the tracker fills it: {@code swarmCount} swarms of {@code
 * peersPerSwarm} announced peers, replicated by one {@link SwarmReplicator} round. Shared by {@code
 * RedisMemoryIT} (what is stored) and {@code RedisMemoryBenchmark} (what it costs).
 */
final class FilledSwarms implements AutoCloseable {

  /** The uploaded byte count announced by peer {@code n}; depends only on its port. */
  static long uploadedOf(int port) {
    return 3_000_000_000L + port - 1024;
  }

  final SwarmRedis redis;
  final RedisSwarmStore store;
  final int peers;
  final InfoHash first;
  final int synced;

  private FilledSwarms(
      SwarmRedis redis, RedisSwarmStore store, int peers, InfoHash first, int synced) {
    this.redis = redis;
    this.store = store;
    this.peers = peers;
    this.first = first;
    this.synced = synced;
  }

  /** Flushes {@code database}, announces the peers and syncs them to Redis once. */
  static FilledSwarms fill(String host, int port, int database, int swarmCount, int peersPerSwarm) {
    SwarmRedis redis = new SwarmRedis(host, port, database);
    redis.sync().flushdb();
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
    return new FilledSwarms(redis, store, peers, first, replicator.syncNow());
  }

  RedisClusterCommands<byte[], byte[]> commands() {
    return redis.sync();
  }

  /** Every key the tracker wrote ({@code trk{:*}). */
  List<byte[]> keys() {
    RedisClusterCommands<byte[], byte[]> commands = commands();
    List<byte[]> keys = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<byte[]> page =
          commands.scan(cursor, ScanArgs.Builder.limit(1000).match("trk{:*"));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }

  /** Whether {@code key} is a bucket of peers (rather than swarm metadata). */
  static boolean isPeerBucket(byte[] key) {
    return key[27] == 'p';
  }

  @Override
  public void close() {
    redis.close();
  }

  private static AnnounceRequest request(InfoHash hash, int n) {
    byte[] id = ByteBuffer.allocate(20).putLong(0x2d5453303030312dL).putInt(n).putLong(n).array();
    byte[] ip = ByteBuffer.allocate(4).putInt(0x0a000000 + n).array();
    int port = 1024 + (n % 60000);
    try {
      return new AnnounceRequest(
          hash,
          PeerId.of(id),
          InetAddress.getByAddress(ip),
          port,
          uploadedOf(port),
          700_000_000L + n,
          n % 4 == 0 ? 0 : 1_400_000_000L - n,
          AnnounceEvent.STARTED,
          0,
          true,
          false,
          // Every BEP 15 announce carries a key, and it is stored with the peer: count it.
          OptionalInt.of(n * 0x9e3779b1),
          Transport.UDP);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
