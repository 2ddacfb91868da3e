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
   * The active keys, newest first; creates the first one when there is none. Under a
   * transaction-scoped advisory lock, so instances starting together agree on one key.
   */
  @Transactional
  public List<RSAKey> loadOrCreate() {
    jdbc.sql("select pg_advisory_xact_lock(:lock)")
        .param("lock", ADVISORY_LOCK)
        .query()
        .listOfRows();
    List<RSAKey> keys = load();
    if (!keys.isEmpty()) {
      return keys;
    }
    KeyPair pair = generate();
    String kid = UUID.randomUUID().toString();
    Base64.Encoder base64 = Base64.getEncoder();
    jdbc.sql(
            """
            insert into signing_key (kid, algorithm, public_key, private_key)
            values (:kid, 'RS256', :publicKey, :privateKey)
            """)
        .param("kid", kid)
        .param("publicKey", base64.encodeToString(pair.getPublic().getEncoded()))
        .param("privateKey", base64.encodeToString(pair.getPrivate().getEncoded()))
        .update();
    log.info("Generated a new RS256 signing key {}", kid);
    return load();
  }

  private List<RSAKey> load() {
    return jdbc.sql(
            """
            select kid, public_key, private_key from signing_key
            where active order by created_at desc, kid
            """)
        .query(
            (rs, row) ->
                toJwk(rs.getString("kid"), rs.getString("public_key"), rs.getString("private_key")))
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
