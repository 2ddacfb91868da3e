package dev.animetracker.common.mailtoken;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link MailTokenSealer}, for the services that seal or open mailed tokens ({@code @Import}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailTokenProperties.class)
public class MailTokenConfiguration {

  @Bean
  MailTokenSealer mailTokenSealer(MailTokenProperties properties, Environment environment) {
    return MailTokenSealer.of(properties, environment.getActiveProfiles());
  }
}
