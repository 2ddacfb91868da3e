package dev.animetracker.notification.web;

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
 * The inbox API ({@code /api/users/me/notifications/**}) is a stateless resource server over
 * user-service's access tokens (RS256, keys from its JWKS, our issuer); a request without a valid
 * token is a 401 problem; any other route is a 404. Nothing else is served but the actuator, whose
 * endpoints beyond health and info answer only the management networks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfiguration.JwtProperties.class)
@Import(PlatformSecurityConfiguration.class)
class SecurityConfiguration {

  /**
   * How access tokens are checked ({@code animetracker.notification.jwt.*}).
   *
   * @param issuer the required {@code iss} claim ({@code JWT_ISSUER})
   * @param jwksUri where user-service publishes its public keys ({@code JWKS_URI})
   */
  @Validated
  @ConfigurationProperties("animetracker.notification.jwt")
  record JwtProperties(
      @DefaultValue("animetracker") @NotBlank String issuer,
      @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") @NotNull URI jwksUri) {}

  @Bean
  SecurityFilterChain apiChain(HttpSecurity http, JsonMapper mapper) throws Exception {
    return ResourceServer.configure(http, mapper)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        "/api/users/me/notifications", "/api/users/me/notifications/**")
                    .authenticated()
                    // Unknown routes answer the platform's 404 problem, token or not.
                    .anyRequest()
                    .permitAll())
        .build();
  }

  @Bean
  JwtDecoder jwtDecoder(JwtProperties jwt) {
    return ResourceServer.jwksDecoder(jwt.jwksUri().toString(), jwt.issuer());
  }
}
