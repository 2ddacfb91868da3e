package dev.animetracker.common.user;

import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.common.security.ServiceSecrets;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link ServiceTokens} for a service that calls another's {@code /internal/**}; opt in with
 * {@code @Import}. Set {@code animetracker.service-auth.client-id} and {@code SERVICE_SECRET}; the
 * token endpoint defaults to user-service's URL ({@code animetracker.user-service.url}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServiceAuthProperties.class, UserServiceProperties.class})
public class ServiceTokensConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ServiceTokens serviceTokens(
      ServiceAuthProperties properties,
      UserServiceProperties userService,
      Environment environment) {
    ServiceSecrets.check(properties.secret(), environment.getActiveProfiles());
    URI tokenUri =
        URI.create(
            properties.tokenUri().isBlank()
                ? userService.url().replaceAll("/+$", "") + ServiceAuthProperties.TOKEN_PATH
                : properties.tokenUri());
    return new ServiceTokens(properties, tokenUri, Clock.systemUTC());
  }
}
