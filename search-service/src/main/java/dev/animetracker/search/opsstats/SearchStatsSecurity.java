package dev.animetracker.search.opsstats;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import dev.animetracker.common.security.ResourceServer;
import dev.animetracker.search.web.SecurityConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link #PATH} needs a moderator's access token (user-service's keys, as the user chain checks
 * them); its own chain ahead of the open one, which serves search without any token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchStatsProperties.class)
class SearchStatsSecurity {

  static final String PATH = "/api/search/stats";

  @Bean
  @Order(PlatformSecurityConfiguration.INTERNAL_ORDER + 2)
  SecurityFilterChain searchStatsChain(
      HttpSecurity http, JsonMapper mapper, SecurityConfiguration.JwtProperties jwt)
      throws Exception {
    return ResourceServer.configure(http.securityMatcher(PATH), mapper)
        .oauth2ResourceServer(
            oauth ->
                oauth.jwt(
                    token ->
                        token.decoder(
                            ResourceServer.jwksDecoder(jwt.jwksUri().toString(), jwt.issuer()))))
        .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole("MODERATOR"))
        .build();
  }
}
