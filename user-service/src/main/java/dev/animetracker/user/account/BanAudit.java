package dev.animetracker.user.account;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail of bans: who banned or unbanned whom, why and until when. */
@Repository
class BanAudit {

  private final JdbcClient jdbc;

  BanAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a decision in the caller's transaction, so no ban goes unrecorded. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long actorId, long targetId, boolean banned, String reason, Instant until) {
    jdbc.sql(
            """
            insert into account_ban_audit (actor_id, target_id, action, reason, until)
            values (:actor, :target, :action, :reason, :until)
            """)
        .param("actor", actorId)
        .param("target", targetId)
        .param("action", banned ? "ban" : "unban")
        .param("reason", reason)
        .param("until", until == null ? null : Timestamp.from(until))
        .update();
  }
}
