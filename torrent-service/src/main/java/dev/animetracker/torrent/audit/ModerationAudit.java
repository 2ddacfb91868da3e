package dev.animetracker.torrent.audit;

import dev.animetracker.torrent.web.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one log of moderator actions ({@code moderation_audit}): written in the transaction of the
 * action itself by this service's features, and from user-service's {@code moderation.acted} events
 * (at most once per event id).
 */
@Repository
public class ModerationAudit {

  /** Targets the log names; {@code target} is the id (torrent, comment, report) or name. */
  public static final List<String> TARGET_TYPES =
      List.of("torrent", "comment", "category", "report", "user");

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ModerationAudit(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One entry as the API shows it; {@code before}/{@code after} are JSON (null when none). */
  public record Entry(
      long id,
      String actor,
      long actorId,
      String action,
      String targetType,
      String target,
      @Nullable String reason,
      @Nullable JsonNode before,
      @Nullable JsonNode after,
      Instant at) {}

  /** The filters of a search; null = any. {@code actor} is matched case-insensitively. */
  public record Filter(
      @Nullable String actor,
      @Nullable String action,
      @Nullable String targetType,
      @Nullable String target) {}

  /** Records an action of {@code actor} now, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      Caller actor,
      String action,
      String targetType,
      String target,
      @Nullable String reason,
      @Nullable Object before,
      @Nullable Object after) {
    insert(
        actor.id(),
        actor.username(),
        action,
        targetType,
        target,
        reason,
        before == null ? null : json.writeValueAsString(before),
        after == null ? null : json.writeValueAsString(after),
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        null);
  }

  /**
   * Records an action another service reported; {@code before}/{@code after} are JSON texts (text
   * that is not JSON is kept as a JSON string). A repeated event id records nothing.
   *
   * @return whether the entry was new
   */
  @Transactional
  public boolean recordReported(
      UUID eventId,
      long actorId,
      String actor,
      String action,
      String targetType,
      String target,
      @Nullable String reason,
      @Nullable String before,
      @Nullable String after,
      Instant at) {
    return insert(
            actorId,
            actor,
            action,
            targetType,
            target,
            reason,
            asJson(before),
            asJson(after),
            at,
            eventId)
        > 0;
  }

  private @Nullable String asJson(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      json.readTree(text);
      return text;
    } catch (JacksonException e) {
      return json.writeValueAsString(text);
    }
  }

  private int insert(
      long actorId,
      String actor,
      String action,
      String targetType,
      String target,
      @Nullable String reason,
      @Nullable String before,
      @Nullable String after,
      Instant at,
      @Nullable UUID eventId) {
    return jdbc.sql(
            """
            insert into moderation_audit
                (actor_id, actor, action, target_type, target, reason, before, after, at,
                 source_event_id)
            values (:actorId, :actor, :action, :targetType, :target, :reason,
                    cast(:before as jsonb), cast(:after as jsonb), :at, :eventId)
            on conflict (source_event_id) do nothing
            """)
        .param("actorId", actorId)
        .param("actor", actor)
        .param("action", action)
        .param("targetType", targetType)
        .param("target", target)
        .param("reason", reason)
        .param("before", before)
        .param("after", after)
        .param("at", Timestamp.from(at))
        .param("eventId", eventId)
        .update();
  }

  private static final String WHERE =
      """
       where (cast(:actor as text) is null or lower(actor) = lower(:actor))
         and (cast(:action as text) is null or action = :action)
         and (cast(:targetType as text) is null or target_type = :targetType)
         and (cast(:target as text) is null or target = :target)
      """;

  /** A page of entries matching the filter, newest first. */
  @Transactional(readOnly = true)
  public List<Entry> page(Filter filter, int page, int size) {
    return jdbc.sql(
            "select id, actor, actor_id, action, target_type, target, reason, before::text as b,"
                + " after::text as a, at from moderation_audit"
                + WHERE
                + " order by at desc, id desc limit :limit offset :offset")
        .param("actor", filter.actor())
        .param("action", filter.action())
        .param("targetType", filter.targetType())
        .param("target", filter.target())
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getString("actor"),
                    rs.getLong("actor_id"),
                    rs.getString("action"),
                    rs.getString("target_type"),
                    rs.getString("target"),
                    rs.getString("reason"),
                    tree(rs.getString("b")),
                    tree(rs.getString("a")),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  /** How many entries match the filter. */
  @Transactional(readOnly = true)
  public long count(Filter filter) {
    return jdbc.sql("select count(*) from moderation_audit" + WHERE)
        .param("actor", filter.actor())
        .param("action", filter.action())
        .param("targetType", filter.targetType())
        .param("target", filter.target())
        .query(Long.class)
        .single();
  }

  private @Nullable JsonNode tree(@Nullable String text) {
    return text == null ? null : json.readTree(text);
  }
}
