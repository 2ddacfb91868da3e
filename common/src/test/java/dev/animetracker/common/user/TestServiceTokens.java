package dev.animetracker.common.user;

import dev.animetracker.common.security.ServiceAuthProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Service tokens from a user-service (or its stub) at {@code url}, as a service is configured. */
final class TestServiceTokens {

  private TestServiceTokens() {}

  static ServiceTokens forUserService(String url) {
    return forUserService(url, ServiceAuthProperties.DEVELOPMENT_SECRET, Clock.systemUTC());
  }

  static ServiceTokens forUserService(String url, String secret, Clock clock) {
    return new ServiceTokens(
        new ServiceAuthProperties(
            "torrent-service",
            secret,
            "",
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60)),
        URI.create(url + ServiceAuthProperties.TOKEN_PATH),
        clock);
  }
}
