package dev.animetracker.user.token;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tokens mailed to users (e-mail verification, password reset). Only the SHA-256 hash is
 * stored; redeeming marks the row used in the same statement that checks it, so a token works once
 * even under concurrent requests.
 */
@Component
public class OneTimeTokens {

  /** What a token is good for. */
  public enum Kind {
    EMAIL_VERIFICATION,
    PASSWORD_RESET
  }

  /** A freshly issued token: the only time the clear text exists. */
  public record Issued(String token, Instant expiresAt) {}

  private final JdbcClient jdbc;

  public OneTimeTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Issued issue(Kind kind, long userId, Duration ttl) {
    String token = SecureTokens.newToken();
    Instant expiresAt = Instant.now().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    jdbc.sql(
            """
            insert into one_time_token (token_hash, kind, user_id, expires_at)
            values (:hash, :kind, :userId, :expiresAt)
            """)
        .param("hash", SecureTokens.sha256(token))
        .param("kind", kind.name())
        .param("userId", userId)
        .param("expiresAt", Timestamp.from(expiresAt))
        .update();
    return new Issued(token, expiresAt);
  }

  /**
   * Marks the token used if it is of this kind, unused and not expired.
   *
   * @return the user it was issued to, or empty for an unknown, used or expired token
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Long> redeem(Kind kind, String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update one_time_token set used_at = now()
            where token_hash = :hash and kind = :kind and used_at is null and expires_at > now()
            returning user_id
            """)
        .param("hash", SecureTokens.sha256(token))
        .param("kind", kind.name())
        .query(Long.class)
        .optional();
  }

  /** Invalidates every outstanding token of this kind for the user. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void invalidateAll(Kind kind, long userId) {
    jdbc.sql(
            """
            update one_time_token set used_at = now()
            where user_id = :userId and kind = :kind and used_at is null
            """)
        .param("userId", userId)
        .param("kind", kind.name())
        .update();
  }

  /** Deletes tokens that expired more than a day ago. */
  @Transactional
  public int purgeExpired() {
    return jdbc.sql("delete from one_time_token where expires_at < now() - interval '1 day'")
        .update();
  }
}
