package dev.animetracker.tracker.whitelist;

import dev.animetracker.common.user.ServiceTokens;
import dev.animetracker.common.user.ServiceTokensConfiguration;
import dev.animetracker.tracker.config.TrackerProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The whitelist the swarms consult, and its start-up load from torrent-service ({@code
 * animetracker.tracker.torrent-service-url}, env {@code TORRENT_SERVICE_URL}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceTokensConfiguration.class)
class WhitelistConfiguration {

  /** The first retry of the start-up load waits 2 s, then 4, 8, 16. */
  private static final Duration BACKOFF_UNIT = Duration.ofSeconds(1);

  @Bean
  KafkaWhitelist kafkaWhitelist() {
    return new KafkaWhitelist();
  }

  @Bean
  WhitelistBootstrap whitelistBootstrap(
      KafkaWhitelist whitelist, TrackerProperties properties, ServiceTokens serviceTokens) {
    return new WhitelistBootstrap(
        whitelist,
        new TorrentServiceWhitelistClient(properties.torrentServiceUrl(), serviceTokens),
        BACKOFF_UNIT);
  }
}
