package dev.animetracker.torrent.moderation;

import dev.animetracker.torrent.web.Caller;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code torrent_audit} trail: who created, changed or removed a torrent, and what changed.
 * Written in the transaction of the change itself.
 */
@Repository
public class AuditTrail {

  /** What happened to the torrent. */
  public enum Action {
    CREATE,
    UPDATE,
    DELETE
  }

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditTrail(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long torrentId, Caller actor, Action action, Map<String, Object> details) {
    jdbc.sql(
            """
            insert into torrent_audit (torrent_id, actor_id, actor_username, action, details)
            values (:torrent, :actor, :username, :action, cast(:details as jsonb))
            """)
        .param("torrent", torrentId)
        .param("actor", actor.id())
        .param("username", actor.username())
        .param("action", action.name().toLowerCase(Locale.ROOT))
        .param("details", json.writeValueAsString(details))
        .update();
  }
}
