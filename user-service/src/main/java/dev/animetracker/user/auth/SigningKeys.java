package dev.animetracker.user.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * The RSA key pair signing access tokens. Generated on the first start and kept in the {@code
 * signing_key} table ({@code SigningKeyStore}), so restarts and every instance sign and verify with
 * the same key.
 */
class SigningKeys {

  private final RSAKey current;
  private final List<RSAKey> published;

  /**
   * Signs with the first of {@code keys} and publishes them all.
   *
   * @param keys the active keys, newest first (as {@code SigningKeyStore} loads them)
   */
  SigningKeys(List<RSAKey> keys) {
    this.published = keys.stream().map(RSAKey::toPublicJWK).toList();
    this.current = keys.getFirst();
  }

  /** The key pair new tokens are signed with. */
  public RSAKey current() {
    return current;
  }

  /** The public half of the signing key. */
  public RSAPublicKey currentPublicKey() {
    try {
      return current.toRSAPublicKey();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public keys as a JWK set (what {@code /.well-known/jwks.json} serves). */
  public JWKSet publicJwkSet() {
    return new JWKSet(List.<JWK>copyOf(published));
  }
}
