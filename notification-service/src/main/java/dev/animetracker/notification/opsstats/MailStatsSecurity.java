package dev.animetracker.notification.opsstats;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import dev.animetracker.common.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link #PATH} needs a moderator's access token (checked by the service's {@code JwtDecoder}); its
 * own chain ahead of the inbox chain, which lets unknown routes through to the 404.
 */
@Configuration(proxyBeanMethods = false)
class MailStatsSecurity {

  static final String PATH = "/api/notifications/stats";

  @Bean
  @Order(PlatformSecurityConfiguration.INTERNAL_ORDER + 1)
  SecurityFilterChain mailStatsChain(HttpSecurity http, JsonMapper mapper) throws Exception {
    return ResourceServer.configure(http.securityMatcher(PATH), mapper)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole("MODERATOR"))
        .build();
  }
}
