package dev.animetracker.search.web;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import dev.animetracker.common.security.ResourceServer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search, feeds and Torznab read no token (feeds check their {@code apikey} themselves, so does the
 * one-click {@code POST /api/users/unsubscribe} its sealed token); {@code /api/users/me/**} needs a
 * user's access token; {@code POST /internal/reindex} needs a service token (the operator's {@code
 * make reindex} fetches one); the actuator beyond health and info answers only the management
 * networks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.JwtProperties.class)
@Import(PlatformSecurityConfiguration.class)
public class SecurityConfiguration {

  /** How service tokens are checked ({@code animetracker.search.jwt.*}): user-service's keys. */
  @Validated
  @ConfigurationProperties("animetracker.search.jwt")
  public record JwtProperties(
      @DefaultValue("animetracker") @NotBlank String issuer,
      @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") @NotNull URI jwksUri) {}

  @Bean
  @Order(PlatformSecurityConfiguration.INTERNAL_ORDER)
  SecurityFilterChain internalChain(HttpSecurity http, JsonMapper mapper, JwtProperties jwt)
      throws Exception {
    return ResourceServer.internalChain(
        http, mapper, ResourceServer.internalJwksDecoder(jwt.jwksUri().toString(), jwt.issuer()));
  }

  /**
   * {@code /api/users/me/**} (follows, saved searches, bookmarks, the personal feed): a user's
   * access token. Its own chain, so that a stale token sent along to the public search never turns
   * a search into a 401.
   */
  @Bean
  @Order(PlatformSecurityConfiguration.INTERNAL_ORDER + 1)
  SecurityFilterChain userChain(HttpSecurity http, JsonMapper mapper, JwtProperties jwt)
      throws Exception {
    return ResourceServer.configure(http.securityMatcher("/api/users/me/**"), mapper)
        .oauth2ResourceServer(
            oauth ->
                oauth.jwt(
                    token ->
                        token.decoder(
                            ResourceServer.jwksDecoder(jwt.jwksUri().toString(), jwt.issuer()))))
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .build();
  }

  @Bean
  SecurityFilterChain openChain(HttpSecurity http) throws Exception {
    return PlatformSecurityConfiguration.openChain(http);
  }
}
