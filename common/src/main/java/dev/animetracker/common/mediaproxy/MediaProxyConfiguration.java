package dev.animetracker.common.mediaproxy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link MediaProxySigner}, for the services that sign or check proxy addresses
 * ({@code @Import}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProxyProperties.class)
public class MediaProxyConfiguration {

  @Bean
  MediaProxySigner mediaProxySigner(MediaProxyProperties properties, Environment environment) {
    return MediaProxySigner.of(properties, environment.getActiveProfiles());
  }
}
