package dev.animetracker.user.password;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Re-hashes a password at the current cost after a successful login with a hash made at a lower one
 * (hashes from before the OWASP parameters). Best effort: a busy encoder or a concurrent change of
 * the password leaves the old hash, which still verifies. No transaction: the hash runs before the
 * one conditional update, and a connection is not held while Argon2 works.
 */
@Service
public class PasswordUpgrades {

  private static final Logger log = LoggerFactory.getLogger(PasswordUpgrades.class);

  private final BoundedPasswordEncoder encoder;
  private final JdbcClient jdbc;

  PasswordUpgrades(BoundedPasswordEncoder encoder, JdbcClient jdbc) {
    this.encoder = encoder;
    this.jdbc = jdbc;
  }

  /** Call only after {@code rawPassword} verified against {@code currentHash}. */
  public void upgradeIfWeaker(long userId, String currentHash, String rawPassword) {
    if (!encoder.upgradeEncoding(currentHash)) {
      return;
    }
    String stronger;
    try {
      stronger = encoder.encode(rawPassword);
    } catch (PasswordHashingBusyException busy) {
      return;
    }
    // Conditional on the old hash: a reset that landed meanwhile wins.
    int updated =
        jdbc.sql(
                """
                update users set password_hash = :stronger, updated_at = now()
                where id = :id and password_hash = :current
                """)
            .param("stronger", stronger)
            .param("id", userId)
            .param("current", currentHash)
            .update();
    if (updated == 1) {
      log.debug("Upgraded the password hash of user {}", userId);
    }
  }
}
