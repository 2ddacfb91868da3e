package dev.animetracker.notification.community;

import dev.animetracker.common.event.community.WatchRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL over {@code digest_item} and {@code digest_recipient}. */
@Repository
class DigestRepository {

  private static final TypeReference<List<WatchRef>> WATCHES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper mapper;

  DigestRepository(JdbcClient jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /** Adds a release to the user's next digest (once per user and release). */
  void add(
      long userId,
      long torrentId,
      String title,
      String uploader,
      List<WatchRef> matchedBy,
      Instant now) {
    jdbc.sql(
            """
            insert into digest_recipient (user_id) values (:userId) on conflict do nothing
            """)
        .param("userId", userId)
        .update();
    jdbc.sql(
            """
            insert into digest_item (user_id, torrent_id, title, uploader, matched_by, created_at)
            values (:userId, :torrentId, :title, :uploader, cast(:matchedBy as jsonb), :now)
            on conflict do nothing
            """)
        .param("userId", userId)
        .param("torrentId", torrentId)
        .param("title", title)
        .param("uploader", uploader)
        .param("matchedBy", mapper.writeValueAsString(matchedBy))
        .param("now", utc(now))
        .update();
  }

  /**
   * Locks a user whose oldest unsent item was added at or before {@code cutoff}, skipping users
   * another worker holds. Must run in the transaction that then sends and marks their digest.
   */
  Optional<Long> lockDueRecipient(Instant cutoff) {
    return jdbc.sql(
            """
            select r.user_id
              from digest_recipient r
             where exists (select 1 from digest_item i
                            where i.user_id = r.user_id and i.sent_at is null
                              and i.created_at <= :cutoff)
             order by r.user_id
             limit 1
               for update of r skip locked
            """)
        .param("cutoff", utc(cutoff))
        .query(Long.class)
        .optional();
  }

  /**
   * The user's unsent items, oldest first. Read after the lock, in a statement of its own, so it
   * sees what a worker that held the lock before committed (items it already sent are gone).
   */
  List<DigestItem> pending(long userId, int limit) {
    return jdbc.sql(
            """
            select id, torrent_id, title, uploader, matched_by::text as matched_by, created_at
              from digest_item
             where user_id = :userId and sent_at is null
             order by created_at, id
             limit :limit
            """)
        .param("userId", userId)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new DigestItem(
                    rs.getLong("id"),
                    rs.getLong("torrent_id"),
                    rs.getString("title"),
                    rs.getString("uploader"),
                    mapper.readValue(rs.getString("matched_by"), WATCHES),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  void markSent(long userId, List<Long> itemIds, Instant now) {
    jdbc.sql("update digest_item set sent_at = :now where user_id = :userId and id = any(:ids)")
        .param("userId", userId)
        .param("ids", itemIds.toArray(Long[]::new))
        .param("now", utc(now))
        .update();
    jdbc.sql("update digest_recipient set last_sent_at = :now where user_id = :userId")
        .param("userId", userId)
        .param("now", utc(now))
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
