package dev.animetracker.user.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.animetracker.user.UsersProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The JWT signing/verification keys (password hashing: {@code password}). */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

  @Bean
  SigningKeys signingKeys(SigningKeyStore store) {
    return new SigningKeys(store.loadOrCreate());
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
  }

  /**
   * Verifies tokens against our own public key (no HTTP call to ourselves): RS256 signature, expiry
   * (with Spring's default 60 s clock skew) and issuer.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, UsersProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(keys.currentPublicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()));
    return decoder;
  }
}
