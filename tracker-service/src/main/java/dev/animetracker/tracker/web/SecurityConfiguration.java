package dev.animetracker.tracker.web;

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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management port's API: {@code /api/tracker/**} is for moderators (user-service's tokens,
 * RS256 via its JWKS, our issuer); the rest stays open on this internal port, which the gateway
 * routes only {@code /api/tracker/**} to. The actuator beyond health and info answers only the
 * management networks ({@link PlatformSecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.JwtProperties.class)
@Import(PlatformSecurityConfiguration.class)
class SecurityConfiguration {

  /** How access tokens are checked ({@code animetracker.tracker.jwt.*}). */
  @Validated
  @ConfigurationProperties("animetracker.tracker.jwt")
  record JwtProperties(
      @DefaultValue("animetracker") @NotBlank String issuer, @NotNull URI jwksUri) {}

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper mapper) throws Exception {
    return ResourceServer.configure(http, mapper)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/api/tracker/**")
                    .hasRole("MODERATOR")
                    .anyRequest()
                    .permitAll())
        .build();
  }

  @Bean
  JwtDecoder jwtDecoder(JwtProperties properties) {
    return ResourceServer.jwksDecoder(properties.jwksUri().toString(), properties.issuer());
  }
}
