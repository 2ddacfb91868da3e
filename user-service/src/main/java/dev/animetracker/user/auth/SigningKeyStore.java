package dev.animetracker.user.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code signing_key} table behind {@link SigningKeys}: loads the active keys and generates the
 * first one, in one transaction.
 */
@Component
class SigningKeyStore {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
  private static final long ADVISORY_LOCK = 0x5349474E4B4559L; // "SIGNKEY"

  private final JdbcClient jdbc;

  SigningKeyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The active keys; creates the first one when there is none. Under a transaction-scoped advisory
   * lock, so instances starting together agree on one key.
   */
  @Transactional
  public List<SigningKeys.StoredKey> loadOrCreate() {
    jdbc.sql("select pg_advisory_xact_lock(:lock)")
        .param("lock", ADVISORY_LOCK)
        .query()
        .listOfRows();
    List<SigningKeys.StoredKey> keys = load();
    if (!keys.isEmpty()) {
      return keys;
    }
    insert(Duration.ZERO);
    return load();
  }

  /**
   * Rotation, step 1: a new key, published at once, signing from {@code lead} on (see {@link
   * SigningKeys}).
   *
   * @return the new key's id and when it starts signing
   */
  @Transactional
  public Rotation createNext(Duration lead) {
    Rotation next = insert(lead);
    log.info(
        "Generated the next RS256 signing key {}, signing from {}", next.kid(), next.notBefore());
    return next;
  }

  /**
   * Rotation, step 2 (after the old key's last token expired): the key stops being published and
   * verifying. The key that signs now, or the last key, is never retired.
   *
   * @return whether the key was retired; false when it is unknown or already retired
   * @throws IllegalStateException when {@code kid} still signs
   */
  @Transactional
  public boolean retire(String kid) {
    jdbc.sql("select pg_advisory_xact_lock(:lock)")
        .param("lock", ADVISORY_LOCK)
        .query()
        .listOfRows();
    String signing =
        jdbc.sql(
                """
                select kid from signing_key where active and not_before <= now()
                order by not_before desc, created_at desc limit 1
                """)
            .query(String.class)
            .optional()
            .orElse(null);
    if (kid.equals(signing)) {
      throw new IllegalStateException("Signing key " + kid + " signs tokens now");
    }
    boolean retired =
        jdbc.sql("update signing_key set active = false where kid = :kid and active")
                .param("kid", kid)
                .update()
            == 1;
    if (retired) {
      log.info("Retired signing key {}", kid);
    }
    return retired;
  }

  /** A key created by {@link #createNext}. */
  public record Rotation(String kid, Instant notBefore) {}

  private Rotation insert(Duration lead) {
    KeyPair pair = generate();
    String kid = UUID.randomUUID().toString();
    Base64.Encoder base64 = Base64.getEncoder();
    Instant notBefore =
        jdbc.sql(
                """
                insert into signing_key (kid, algorithm, public_key, private_key, not_before)
                values (:kid, 'RS256', :publicKey, :privateKey,
                        now() + make_interval(secs => :lead))
                returning not_before
                """)
            .param("kid", kid)
            .param("publicKey", base64.encodeToString(pair.getPublic().getEncoded()))
            .param("privateKey", base64.encodeToString(pair.getPrivate().getEncoded()))
            .param("lead", (double) lead.toMillis() / 1000)
            .query((rs, row) -> rs.getTimestamp("not_before").toInstant())
            .single();
    if (lead.isZero()) {
      log.info("Generated a new RS256 signing key {}", kid);
    }
    return new Rotation(kid, notBefore);
  }

  /** The active keys, each with the moment it signs from. */
  public List<SigningKeys.StoredKey> load() {
    return jdbc.sql(
            """
            select kid, public_key, private_key, not_before from signing_key
            where active order by not_before desc, created_at desc, kid
            """)
        .query(
            (rs, row) ->
                new SigningKeys.StoredKey(
                    toJwk(
                        rs.getString("kid"),
                        rs.getString("public_key"),
                        rs.getString("private_key")),
                    rs.getTimestamp("not_before").toInstant()))
        .list();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is missing from this JVM", e);
    }
  }

  private static RSAKey toJwk(String kid, String publicKey, String privateKey) {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      Base64.Decoder base64 = Base64.getDecoder();
      RSAPublicKey pub =
          (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey)));
      RSAPrivateKey priv =
          (RSAPrivateKey)
              factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(privateKey)));
      return new RSAKey.Builder(pub)
          .privateKey(priv)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("Signing key " + kid + " in the database is unreadable", e);
    }
  }
}
