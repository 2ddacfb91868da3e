package dev.animetracker.tracker.config;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;

/**
 * The tracker's own binary-safe Lettuce connection for swarm state (keys and members are raw hash
 * and peer bytes, so Spring's String-based template does not fit). Closed with the application
 * context.
 */
final class SwarmRedis implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;

  SwarmRedis(String host, int port, int database) {
    client =
        RedisClient.create(
            RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withDatabase(database)
                .withTimeout(Duration.ofSeconds(2))
                .build());
    connection = client.connect(ByteArrayCodec.INSTANCE);
  }

  StatefulRedisConnection<byte[], byte[]> connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
