package dev.animetracker.tracker.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's own binary-safe Lettuce connection for swarm state (keys and members are raw hash
 * and peer bytes, so Spring's String-based template does not fit). In the application it is opened
 * on the native client of Spring Boot's {@code LettuceConnectionFactory}, so the one {@code
 * spring.data.redis.*} configuration (standalone or Cluster, password, TLS, topology refresh)
 * serves the tracker as it serves every other service. Connects on first use, so the tracker starts
 * and serves from memory while Redis is down; once connected, Lettuce reconnects by itself, and
 * commands issued while disconnected fail at once instead of piling up. Closed with the application
 * context.
 */
public final class SwarmRedis
    implements Supplier<RedisClusterAsyncCommands<byte[], byte[]>>, AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Supplier<AbstractRedisClient> client;
  private final boolean ownsClient;
  private @Nullable AbstractRedisClient resolved;
  private @Nullable StatefulConnection<byte[], byte[]> connection;
  private @Nullable RedisClusterAsyncCommands<byte[], byte[]> async;
  private @Nullable RedisClusterCommands<byte[], byte[]> sync;

  private SwarmRedis(Supplier<AbstractRedisClient> client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
  }

  /**
   * On a client someone else owns and configured (Boot's), resolved on first use: the factory
   * creates its client only when the context starts.
   */
  public static SwarmRedis on(Supplier<AbstractRedisClient> client) {
    return new SwarmRedis(client, false);
  }

  /** A standalone server, with a client of its own (tests, benchmarks). */
  public SwarmRedis(String host, int port, int database) {
    this(() -> standalone(host, port, database), true);
  }

  /** A Redis Cluster reached through these seed nodes, with a client of its own (tests). */
  public static SwarmRedis cluster(List<RedisURI> seeds) {
    return new SwarmRedis(() -> clusterClient(seeds), true);
  }

  private static RedisClient standalone(String host, int port, int database) {
    RedisClient created =
        RedisClient.create(
            RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withDatabase(database)
                .withTimeout(TIMEOUT)
                .build());
    created.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    return created;
  }

  /** What Boot builds from {@code spring.data.redis.lettuce.cluster.refresh.*} in production. */
  private static RedisClusterClient clusterClient(List<RedisURI> seeds) {
    RedisClusterClient created = RedisClusterClient.create(seeds);
    created.setOptions(
        ClusterClientOptions.builder()
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enablePeriodicRefresh(Duration.ofSeconds(5))
                    .enableAllAdaptiveRefreshTriggers()
                    .build())
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    return created;
  }

  /**
   * The commands, routed by key slot on a Cluster (concurrent calls are still pipelined, per node);
   * throws {@link io.lettuce.core.RedisConnectionException} while unreachable.
   */
  @Override
  public synchronized RedisClusterAsyncCommands<byte[], byte[]> get() {
    connect();
    return async;
  }

  /** Blocking commands on the same connection (moderator reads, tests). */
  public synchronized RedisClusterCommands<byte[], byte[]> sync() {
    connect();
    return sync;
  }

  /** Whether this is a Redis Cluster (connects). */
  public synchronized boolean isCluster() {
    connect();
    return connection instanceof StatefulRedisClusterConnection;
  }

  private void connect() {
    if (connection != null) {
      return;
    }
    AbstractRedisClient redis = client.get();
    resolved = redis;
    if (redis instanceof RedisClusterClient cluster) {
      StatefulRedisClusterConnection<byte[], byte[]> opened =
          cluster.connect(ByteArrayCodec.INSTANCE);
      async = opened.async();
      sync = opened.sync();
      connection = opened;
    } else if (redis instanceof RedisClient standalone) {
      StatefulRedisConnection<byte[], byte[]> opened = standalone.connect(ByteArrayCodec.INSTANCE);
      async = opened.async();
      sync = opened.sync();
      connection = opened;
    } else {
      throw new IllegalStateException("Unsupported Redis client " + redis.getClass());
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    if (ownsClient && resolved != null) {
      resolved.shutdown();
    }
  }
}
