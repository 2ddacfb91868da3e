package dev.animetracker.tracker.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's own binary-safe Lettuce connection for swarm state (keys and members are raw hash
 * and peer bytes, so Spring's String-based template does not fit). Connects on first use, so the
 * tracker starts and serves from memory while Redis is down; once connected, Lettuce reconnects by
 * itself, and commands issued while disconnected fail at once instead of piling up. Closed with the
 * application context.
 */
public final class SwarmRedis
    implements Supplier<StatefulRedisConnection<byte[], byte[]>>, AutoCloseable {

  private final RedisClient client;
  private @Nullable StatefulRedisConnection<byte[], byte[]> connection;

  public SwarmRedis(String host, int port, int database) {
    client =
        RedisClient.create(
            RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withDatabase(database)
                .withTimeout(Duration.ofSeconds(2))
                .build());
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
  }

  /** The connection; throws {@link io.lettuce.core.RedisConnectionException} while unreachable. */
  @Override
  public synchronized StatefulRedisConnection<byte[], byte[]> get() {
    if (connection == null) {
      connection = client.connect(ByteArrayCodec.INSTANCE);
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
