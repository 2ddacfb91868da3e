package dev.animetracker.user.auth;

import dev.animetracker.common.security.PlatformSecurityConfiguration;
import dev.animetracker.common.security.ResourceServer;
import dev.animetracker.common.security.ServiceAuthProperties;
import dev.animetracker.user.UsersProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JWT signing/verification keys (password hashing: {@code password}) and the {@code
 * /internal/**} chain that checks service tokens with them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceAuthProperties.class)
class TokenConfiguration {

  @Bean
  SigningKeys signingKeys(SigningKeyStore store, UsersProperties properties) {
    store.loadOrCreate();
    return new SigningKeys(store::load, properties.jwt().keyRefresh(), Clock.systemUTC());
  }

  /** Signs with the key the header names ({@link AccessTokens} names the current one). */
  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(keys.privateKeys());
  }

  /**
   * Verifies tokens against our own public key (no HTTP call to ourselves): RS256 signature, expiry
   * (with Spring's default 60 s clock skew) and issuer.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, UsersProperties properties) {
    return ResourceServer.userTokens(ownKey(keys), properties.jwt().issuer());
  }

  /**
   * {@code /internal/**}: service tokens only, checked against our own key like users' tokens (a
   * decoder of its own, not a bean, so the user chain keeps the one above).
   */
  @Bean
  @Order(PlatformSecurityConfiguration.INTERNAL_ORDER)
  SecurityFilterChain internalChain(
      HttpSecurity http, JsonMapper mapper, SigningKeys keys, UsersProperties properties)
      throws Exception {
    return ResourceServer.internalChain(
        http, mapper, ResourceServer.serviceTokens(ownKey(keys), properties.jwt().issuer()));
  }

  /** Every active key verifies: tokens signed before a rotation stay valid until they expire. */
  private static NimbusJwtDecoder ownKey(SigningKeys keys) {
    return NimbusJwtDecoder.withJwkSource(keys.publicKeys())
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
  }
}
