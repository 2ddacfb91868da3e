package dev.animetracker.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL over {@code notification}. */
@Repository
class InboxRepository {

  private static final TypeReference<List<MatchedBy>> MATCHED_BY = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper mapper;

  InboxRepository(JdbcClient jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /**
   * Adds an entry unless the user already has it (same release, comment or report).
   *
   * @return whether a row was added
   */
  boolean insert(NewNotification entry) {
    return jdbc.sql(
                """
                insert into notification (user_id, kind, torrent_id, comment_id, report_id, title,
                                          text, actor, url, matched_by, action, created_at)
                values (:userId, :kind, :torrentId, :commentId, :reportId, :title, :text, :actor,
                        :url, cast(:matchedBy as jsonb), :action, :createdAt)
                on conflict do nothing
                """)
            .param("userId", entry.userId())
            .param("kind", entry.kind())
            .param("torrentId", entry.torrentId())
            .param("commentId", entry.commentId())
            .param("reportId", entry.reportId())
            .param("title", entry.title())
            .param("text", entry.text())
            .param("actor", entry.actor())
            .param("url", entry.url())
            .param(
                "matchedBy",
                entry.matchedBy().isEmpty() ? null : mapper.writeValueAsString(entry.matchedBy()))
            .param("action", entry.action())
            .param("createdAt", utc(entry.createdAt()))
            .update()
        == 1;
  }

  List<NotificationView> page(long userId, boolean unreadOnly, Paging paging) {
    return jdbc.sql(
            """
            select id, kind, torrent_id, comment_id, title, text, actor, url, read, created_at,
                   matched_by::text as matched_by, action
              from notification
             where user_id = :userId and (not :unreadOnly or not read)
             order by created_at desc, id desc
             limit :limit offset :offset
            """)
        .param("userId", userId)
        .param("unreadOnly", unreadOnly)
        .param("limit", paging.size())
        .param("offset", paging.offset())
        .query((rs, row) -> view(rs))
        .list();
  }

  /**
   * The user's entries, or only the unread ones. Two literal statements, so the unread count (asked
   * on every page) is planned against the partial index {@code notification_unread}.
   */
  long count(long userId, boolean unreadOnly) {
    return jdbc.sql(
            unreadOnly
                ? "select count(*) from notification where user_id = :userId and not read"
                : "select count(*) from notification where user_id = :userId")
        .param("userId", userId)
        .query(Long.class)
        .single();
  }

  /** Marks the user's entries among {@code ids} read; other users' ids match no row. */
  void markRead(long userId, List<Long> ids) {
    jdbc.sql(
            """
            update notification set read = true
             where user_id = :userId and not read and id = any(:ids)
            """)
        .param("userId", userId)
        .param("ids", ids.toArray(Long[]::new))
        .update();
  }

  void markAllRead(long userId) {
    jdbc.sql("update notification set read = true where user_id = :userId and not read")
        .param("userId", userId)
        .update();
  }

  private NotificationView view(ResultSet rs) throws SQLException {
    String matchedBy = rs.getString("matched_by");
    return new NotificationView(
        rs.getLong("id"),
        rs.getString("kind"),
        nullableLong(rs, "torrent_id"),
        nullableLong(rs, "comment_id"),
        rs.getString("title"),
        rs.getString("text"),
        rs.getString("actor"),
        rs.getString("url"),
        rs.getBoolean("read"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        matchedBy == null ? null : mapper.readValue(matchedBy, MATCHED_BY),
        rs.getString("action"));
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
