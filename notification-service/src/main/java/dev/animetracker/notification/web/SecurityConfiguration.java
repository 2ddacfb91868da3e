package dev.animetracker.notification.web;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * notification-service serves no API of its own: only the actuator, whose endpoints beyond health
 * and info answer only the management networks.
 */
@Configuration(proxyBeanMethods = false)
@Import(PlatformSecurityConfiguration.class)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain openChain(HttpSecurity http) throws Exception {
    return PlatformSecurityConfiguration.openChain(http);
  }
}
