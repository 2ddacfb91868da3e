package dev.animetracker.user.token;

import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.user.UsersProperties;
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
    EMAIL_VERIFICATION(MailTokenSealer.Purpose.EMAIL_VERIFICATION),
    PASSWORD_RESET(MailTokenSealer.Purpose.PASSWORD_RESET);

    private final MailTokenSealer.Purpose purpose;

    Kind(MailTokenSealer.Purpose purpose) {
      this.purpose = purpose;
    }
  }

  /**
   * A freshly issued token, sealed for the mailer (common {@link MailTokenSealer}): the clear text
   * never leaves this class, so no outbox row, event or log line holds a usable link.
   */
  public record Issued(String sealed, Instant expiresAt) {}

  private final JdbcClient jdbc;
  private final MailTokenSealer sealer;

  public OneTimeTokens(JdbcClient jdbc, MailTokenSealer sealer) {
    this.jdbc = jdbc;
    this.sealer = sealer;
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
    return new Issued(sealer.seal(token, kind.purpose, userId), expiresAt);
  }

  /**
   * Issues a token unless one of this kind went to this user less than {@code minInterval} ago or
   * {@code maxPerHour} already went out in the last hour (mail bombing: every token is a mail).
   * Serialised per user and kind by a transaction-scoped advisory lock, so parallel requests cannot
   * all pass the count. The registration's own verification link (the user's first) does not start
   * the interval: an address registers only once, and the resend right after it is the one a user
   * whose mail went astray needs. It counts toward the hourly cap.
   *
   * @return empty when the throttle holds the token back
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Issued> issueThrottled(
      Kind kind, long userId, Duration ttl, UsersProperties.MailThrottle throttle) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
        .param("lock", "one-time-token:" + kind.name() + ":" + userId)
        .query()
        .listOfRows();
    Recent recent =
        jdbc.sql(
                """
                select count(*) as last_hour,
                       coalesce(bool_or(t.created_at > now() - :minSeconds * interval '1 second'
                                        and not (:firstIsFree and t.id = earliest.id)),
                                false) as too_soon
                from one_time_token t,
                     (select min(id) as id from one_time_token
                      where user_id = :userId and kind = :kind) as earliest
                where t.user_id = :userId and t.kind = :kind
                  and t.created_at > now() - interval '1 hour'
                """)
            .param("userId", userId)
            .param("kind", kind.name())
            .param("firstIsFree", kind == Kind.EMAIL_VERIFICATION)
            .param("minSeconds", (double) throttle.minInterval().toMillis() / 1000)
            .query(Recent.class)
            .single();
    if (recent.tooSoon() || recent.lastHour() >= throttle.maxPerHour()) {
      return Optional.empty();
    }
    return Optional.of(issue(kind, userId, ttl));
  }

  private record Recent(long lastHour, boolean tooSoon) {}

  /**
   * Whether the token would redeem now (of this kind, unused, not expired), without using it: lets
   * a caller refuse a bad token before expensive work (hashing the new password of a reset).
   */
  @Transactional(readOnly = true)
  public boolean isRedeemable(Kind kind, String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return false;
    }
    return jdbc.sql(
            """
            select exists (select 1 from one_time_token
              where token_hash = :hash and kind = :kind and used_at is null and expires_at > now())
            """)
        .param("hash", SecureTokens.sha256(token))
        .param("kind", kind.name())
        .query(Boolean.class)
        .single();
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
