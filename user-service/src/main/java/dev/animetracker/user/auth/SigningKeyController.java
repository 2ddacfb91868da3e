package dev.animetracker.user.auth;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.user.UsersProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing key rotation for the operator (docs/operations.md#rotating-the-jwt-signing-key; {@code
 * make rotate-signing-key}, {@code make retire-signing-key KID=...}). Under {@code /internal/**}: a
 * service token, and only the {@value #OPERATOR} client's, since a rotation concerns every user.
 */
@RestController
class SigningKeyController {

  /** The client id whose service tokens may rotate keys (the one {@code make reindex} uses). */
  static final String OPERATOR = "operator";

  /** An active key: whether it signs now, and from when it signs. */
  record KeyView(String kid, Instant notBefore, boolean signing) {}

  private final SigningKeyStore store;
  private final SigningKeys keys;
  private final UsersProperties properties;

  SigningKeyController(SigningKeyStore store, SigningKeys keys, UsersProperties properties) {
    this.store = store;
    this.keys = keys;
    this.properties = properties;
  }

  @GetMapping("/internal/signing-keys")
  List<KeyView> list(@AuthenticationPrincipal Jwt caller) {
    requireOperator(caller);
    String signing = keys.current().getKeyID();
    return store.load().stream()
        .map(
            k -> new KeyView(k.key().getKeyID(), k.notBefore(), k.key().getKeyID().equals(signing)))
        .toList();
  }

  /** Step 1: the next key, published now, signing after {@code next-key-lead}. */
  @PostMapping("/internal/signing-keys")
  ResponseEntity<SigningKeyStore.Rotation> rotate(@AuthenticationPrincipal Jwt caller) {
    requireOperator(caller);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(store.createNext(properties.jwt().nextKeyLead()));
  }

  /** Step 2, once the old key's last token has expired: it is no longer published. */
  @DeleteMapping("/internal/signing-keys/{kid}")
  ResponseEntity<Void> retire(@AuthenticationPrincipal Jwt caller, @PathVariable String kid) {
    requireOperator(caller);
    boolean retired;
    try {
      retired = store.retire(kid);
    } catch (IllegalStateException signsNow) {
      throw new DomainException(
          HttpStatus.CONFLICT,
          "signing-key-in-use",
          "This key signs tokens now; rotate in a next key and wait until it signs.");
    }
    if (!retired) {
      throw new DomainException(
          HttpStatus.NOT_FOUND, "signing-key-not-found", "There is no active key with this id.");
    }
    return ResponseEntity.noContent().build();
  }

  private static void requireOperator(Jwt caller) {
    if (!OPERATOR.equals(caller.getClaimAsString("client_id"))) {
      throw new DomainException(
          HttpStatus.FORBIDDEN, "forbidden", "Only the operator client may manage signing keys.");
    }
  }
}
