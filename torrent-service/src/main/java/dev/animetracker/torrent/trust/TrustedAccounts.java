package dev.animetracker.torrent.trust;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The replica of the accounts moderators marked trusted ({@code trusted_account}), built from
 * {@code user.trusted-changed}; uploads ask it whether to flag the new torrent.
 */
@Repository
public class TrustedAccounts {

  private final JdbcClient jdbc;

  TrustedAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the account is trusted as far as the events received so far say. */
  public boolean isTrusted(long userId) {
    return jdbc.sql("select trusted from trusted_account where user_id = :id")
        .param("id", userId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Records a decision unless a later one is already stored: redelivered and reordered events
   * change nothing. True when applied.
   */
  boolean apply(long userId, String username, boolean trusted, Instant changedAt) {
    return jdbc.sql(
                """
                insert into trusted_account (user_id, username, trusted, changed_at)
                values (:id, :username, :trusted, :at)
                on conflict (user_id) do update
                  set username = excluded.username, trusted = excluded.trusted,
                      changed_at = excluded.changed_at
                  where trusted_account.changed_at < excluded.changed_at
                """)
            .param("id", userId)
            .param("username", username)
            .param("trusted", trusted)
            .param("at", Timestamp.from(changedAt))
            .update()
        == 1;
  }
}
