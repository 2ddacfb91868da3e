package dev.animetracker.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The RSA key pairs signing access tokens, kept in the {@code signing_key} table ({@code
 * SigningKeyStore}) so restarts and every instance sign and verify with the same keys.
 *
 * <p>Every active key is published and verifies; the newest whose {@code notBefore} has come signs.
 * A rotated-in ("next") key is therefore published for a while before it signs, and the previous
 * key keeps verifying the tokens it signed until it is retired: nobody is logged out by a rotation.
 * The keys are re-read every {@code refresh}, so a rotation reaches running instances.
 */
class SigningKeys {

  /** An active key and the moment it starts signing. */
  record StoredKey(RSAKey key, Instant notBefore) {}

  private record State(List<StoredKey> keys, Instant loadedAt) {}

  private final Supplier<List<StoredKey>> source;
  private final Duration refresh;
  private final Clock clock;
  private volatile State state;

  /**
   * @param source the active keys (as {@code SigningKeyStore} loads them; never empty)
   * @param refresh how long a load is used before the keys are read again
   */
  SigningKeys(Supplier<List<StoredKey>> source, Duration refresh, Clock clock) {
    this.source = source;
    this.refresh = refresh;
    this.clock = clock;
    this.state = load();
  }

  private State load() {
    List<StoredKey> keys =
        source.get().stream()
            .sorted(Comparator.comparing(StoredKey::notBefore).reversed())
            .toList();
    if (keys.isEmpty()) {
      throw new IllegalStateException("No active signing key in the database");
    }
    return new State(keys, clock.instant());
  }

  private List<StoredKey> keys() {
    State current = state;
    if (clock.instant().isAfter(current.loadedAt().plus(refresh))) {
      try {
        current = load();
        state = current;
      } catch (RuntimeException e) {
        // The database is away: keep signing and verifying with what we have, try again next call.
        state = new State(current.keys(), clock.instant());
      }
    }
    return current.keys();
  }

  /** The key pair new tokens are signed with: the newest that may sign by now. */
  public RSAKey current() {
    Instant now = clock.instant();
    List<StoredKey> keys = keys();
    return keys.stream()
        .filter(k -> !k.notBefore().isAfter(now))
        .findFirst()
        // Only keys of the future (a clock far behind the database's): the one due first.
        .orElse(keys.getLast())
        .key();
  }

  /** The public half of the signing key. */
  public RSAPublicKey currentPublicKey() {
    try {
      return current().toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The public keys as a JWK set (what {@code /.well-known/jwks.json} serves): every active key.
   */
  public JWKSet publicJwkSet() {
    return new JWKSet(keys().stream().map(k -> (JWK) k.key().toPublicJWK()).toList());
  }

  /** Every active key pair, for the encoder (it picks the one the token header names). */
  public JWKSource<SecurityContext> privateKeys() {
    return (selector, context) ->
        selector.select(new JWKSet(keys().stream().map(k -> (JWK) k.key()).toList()));
  }

  /** Every active public key, for verifying our own tokens (old, current and next). */
  public JWKSource<SecurityContext> publicKeys() {
    return (selector, context) -> selector.select(publicJwkSet());
  }
}
