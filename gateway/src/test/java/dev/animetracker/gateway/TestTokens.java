package dev.animetracker.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** RS256 access tokens like user-service's, signed with a key the stub's JWKS publishes. */
final class TestTokens {

  static final String ISSUER = "animetracker-test";

  private final RSAKey key;

  private final RSAKey otherKey;

  TestTokens() {
    try {
      this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      this.otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  String valid(String username) {
    return sign(key, ISSUER, username, Instant.now().plusSeconds(900));
  }

  /** A valid token of another user id and with the given roles (e.g. a moderator). */
  String valid(String username, String subject, List<String> roles) {
    return sign(key, ISSUER, username, subject, roles, Instant.now().plusSeconds(900));
  }

  String expired(String username) {
    return sign(key, ISSUER, username, Instant.now().minusSeconds(600));
  }

  String wrongIssuer(String username) {
    return sign(key, "someone-else", username, Instant.now().plusSeconds(900));
  }

  String forged(String username) {
    return sign(otherKey, ISSUER, username, Instant.now().plusSeconds(900));
  }

  private static String sign(RSAKey signingKey, String issuer, String username, Instant expiry) {
    return sign(signingKey, issuer, username, "42", List.of("USER"), expiry);
  }

  private static String sign(
      RSAKey signingKey,
      String issuer,
      String username,
      String subject,
      List<String> roles,
      Instant expiry) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .claim("preferred_username", username)
            .claim("roles", roles)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(expiry.minusSeconds(900)))
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
