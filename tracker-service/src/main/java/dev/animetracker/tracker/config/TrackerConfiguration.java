package dev.animetracker.tracker.config;

import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.redis.RedisSwarmStore;
import dev.animetracker.tracker.redis.SwarmRedis;
import dev.animetracker.tracker.redis.SwarmReplicator;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.Whitelist;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Wires the tracker: settings, connection ids and the swarms behind the sockets (the whitelist they
 * consult is wired in {@code whitelist}).
 */
@Configuration(proxyBeanMethods = false)
class TrackerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TrackerConfiguration.class);

  /** How long one Redis sync batch may take before its swarms are retried next round. */
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(5);

  @Bean
  TrackerSettings trackerSettings(TrackerProperties properties) {
    return properties.toSettings();
  }

  /** Keyed by the shared secret when one is configured, so instances accept each other's ids. */
  @Bean
  ConnectionIds connectionIds(TrackerProperties properties) {
    String secret = properties.connectionSecret();
    return secret.isBlank()
        ? ConnectionIds.withRandomKey(Clock.systemUTC())
        : ConnectionIds.withSecret(secret, Clock.systemUTC());
  }

  /**
   * Announces and scrapes are always answered from memory; with the Redis store (the default) a
   * {@link SwarmReplicator} shares every instance's peers through Redis behind them.
   */
  @Bean
  InMemorySwarms swarms(
      Whitelist whitelist, TrackerSettings settings, TrackerProperties properties) {
    return properties.swarmStore() == TrackerProperties.SwarmStore.MEMORY
        ? new InMemorySwarms(whitelist, settings, Clock.systemUTC(), new SplittableRandom())
        : InMemorySwarms.replicated(whitelist, settings, Clock.systemUTC(), new SplittableRandom());
  }

  @Bean
  @ConditionalOnProperty(
      name = "animetracker.tracker.swarm-store",
      havingValue = "redis",
      matchIfMissing = true)
  RedisSwarmStore redisSwarmStore(
      SwarmRedis redis, TrackerSettings settings, TrackerProperties properties) {
    return new RedisSwarmStore(
        redis, settings.peerTimeout(), Clock.systemUTC(), properties.redisSampleSize());
  }

  @Bean
  @ConditionalOnProperty(
      name = "animetracker.tracker.swarm-store",
      havingValue = "redis",
      matchIfMissing = true)
  SwarmReplicator swarmReplicator(
      InMemorySwarms swarms,
      RedisSwarmStore store,
      TrackerProperties properties,
      MeterRegistry registry) {
    return new SwarmReplicator(
        swarms,
        store,
        properties.redisSyncInterval(),
        SYNC_TIMEOUT,
        SwarmReplicator.PULL_EVERY_ROUNDS,
        Clock.systemUTC(),
        registry);
  }

  /**
   * Moves the completed counts of the key layout before hash tags once the tracker is up, in the
   * background (Redis may be down; then the next start tries again).
   */
  @Bean
  @ConditionalOnProperty(
      name = "animetracker.tracker.swarm-store",
      havingValue = "redis",
      matchIfMissing = true)
  ApplicationListener<ApplicationReadyEvent> legacySwarmKeyMigration(
      SwarmRedis redis, RedisSwarmStore store) {
    return event ->
        Thread.ofVirtual()
            .name("legacy-swarm-keys")
            .start(
                () -> {
                  try {
                    if (!redis.isCluster()) {
                      int moved = store.migrateLegacyCompletedCounts(redis.sync());
                      if (moved > 0) {
                        log.info("Moved {} completed counts to the hash-tagged key layout", moved);
                      }
                    }
                  } catch (RuntimeException e) {
                    log.warn(
                        "Old completed counts not migrated yet (next start retries): {}",
                        e.toString());
                  }
                });
  }

  /**
   * On the native client of Boot's connection factory, so {@code spring.data.redis.*} (standalone
   * or Cluster with topology refresh, password, TLS, timeout) configures the swarm store too.
   */
  @Bean
  @Lazy
  SwarmRedis swarmRedis(LettuceConnectionFactory factory) {
    return SwarmRedis.on(factory::getNativeClient);
  }

  /**
   * While Redis is unreachable commands fail at once instead of queueing: announces are answered
   * from memory anyway, and a queue would only replay stale syncs.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}
