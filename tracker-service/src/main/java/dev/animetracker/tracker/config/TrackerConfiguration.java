package dev.animetracker.tracker.config;

import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.redis.RedisSwarms;
import dev.animetracker.tracker.stats.ChangeTrackingAnnounceService;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.Whitelist;
import dev.animetracker.tracker.whitelist.KafkaWhitelist;
import java.time.Clock;
import java.util.SplittableRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wires the tracker: settings, connection ids, the whitelist and the swarm behind the sockets. */
@Configuration(proxyBeanMethods = false)
public class TrackerConfiguration {

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

  @Bean
  KafkaWhitelist kafkaWhitelist() {
    return new KafkaWhitelist();
  }

  /**
   * Swarms in Redis by default, so several tracker instances serve one site; in memory for a single
   * instance. (Lettuce reconnects by itself after Redis comes back; announces meanwhile get a
   * failure reason.) Wrapped so that the swarms announced to get their counts published to {@code
   * tracker-stats}.
   */
  @Bean
  ChangeTrackingAnnounceService announceService(
      Whitelist whitelist,
      TrackerSettings settings,
      TrackerProperties properties,
      ObjectProvider<SwarmRedis> redis) {
    if (properties.swarmStore() == TrackerProperties.SwarmStore.MEMORY) {
      return new ChangeTrackingAnnounceService(
          new InMemorySwarms(whitelist, settings, Clock.systemUTC(), new SplittableRandom()),
          whitelist);
    }
    return new ChangeTrackingAnnounceService(
        new RedisSwarms(
            redis.getObject().connection(),
            whitelist,
            settings,
            Clock.systemUTC(),
            new SplittableRandom()),
        whitelist);
  }

  @Bean
  @Lazy
  SwarmRedis swarmRedis(
      @Value("${spring.data.redis.host:127.0.0.1}") String host,
      @Value("${spring.data.redis.port:6379}") int port,
      @Value("${spring.data.redis.database:0}") int database) {
    return new SwarmRedis(host, port, database);
  }
}
