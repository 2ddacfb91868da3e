package dev.animetracker.tracker.config;

import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.Whitelist;
import dev.animetracker.tracker.whitelist.KafkaWhitelist;
import java.time.Clock;
import java.util.SplittableRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
   * Swarms in memory for now: a single-instance tracker. A Redis-backed {@link AnnounceService}
   * bean replaces it.
   */
  @Bean
  @ConditionalOnMissingBean(AnnounceService.class)
  AnnounceService announceService(Whitelist whitelist, TrackerSettings settings) {
    return new InMemorySwarms(whitelist, settings, Clock.systemUTC(), new SplittableRandom());
  }
}
